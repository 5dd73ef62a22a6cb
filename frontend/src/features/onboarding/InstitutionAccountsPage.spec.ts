import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { session } from '@/features/auth/session'
import { testUser } from '@/features/auth/testing'
import InstitutionAccountsPage from './InstitutionAccountsPage.vue'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  session.user = null
})

describe('InstitutionAccountsPage', { timeout: 30_000 }, () => {
  it('shows whose person record an account is, and names that person before the irreversible 离职', async () => {
    session.user = testUser('HOSPITAL_ADMIN', { institutionId: 'i1' })
    const posted: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posted.push(String(url))
          return json({ accountsDisabled: 1 })
        }
        if (String(url).startsWith('/api/institution-accounts')) {
          return json([
            {
              id: 'a1',
              username: 'ccszx-test',
              displayName: '测试账号',
              role: 'PHYSICIAN',
              roleLabel: '医师',
              enabled: true,
              personId: 'p1',
              lastLoginAt: null,
            },
          ])
        }
        return json([{ id: 'p1', name: '赵雨桐' }])
      }),
    )
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const wrapper = mount(InstitutionAccountsPage, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(wrapper.get('[data-testid="accounts-person-name"]').text()).toBe('赵雨桐')

    const leave = wrapper.findAll('button').find((b) => b.text() === '人员离职')
    expect(leave).toBeDefined()
    await leave!.trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalledOnce()
    const message = String(confirm.mock.calls[0][0])
    expect(message).toContain('赵雨桐')
    expect(message).toContain('ccszx-test')
    expect(message).toContain('不能撤回')
    expect(posted).toHaveLength(1)
    expect(posted[0]).toContain('p1')
    wrapper.unmount()
  })
})
