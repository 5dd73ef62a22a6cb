import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { syncServerClock } from '@/app/dates'
import ApiKeysPage from './ApiKeysPage.vue'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

afterEach(async () => {
  await syncServerClock(async () => json({ now: new Date().toISOString() }))
  vi.unstubAllGlobals()
})

describe('ApiKeysPage', { timeout: 30_000 }, () => {
  it("tells when a key was last used by the server's clock, not the browser's", async () => {
    // the server's clock is pinned years away from the machine running the browser
    await syncServerClock(async () => json({ now: '2031-03-15T02:30:00Z' }))
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json([
          {
            id: 'k1',
            name: 'HIS 手术申请',
            prefix: '3fa85f6457b2',
            status: 'ACTIVE',
            createdAt: '2031-03-01T02:00:00Z',
            createdBy: 'ccszx-admin',
            lastUsedAt: '2031-03-15T02:20:00Z',
            rotatedAt: null,
            revokedAt: null,
            revokedBy: null,
          },
        ]),
      ),
    )
    const wrapper = mount(ApiKeysPage, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(wrapper.get('[data-testid="api-key-table"]').text()).toContain('10 分钟前')
    // integrators are pointed at the served API documentation, not at a file of the repository
    expect(wrapper.get('[data-testid="api-key-docs"]').attributes('href')).toBe('/api/docs')
    expect(wrapper.text()).not.toContain('docs/gate.md')
    wrapper.unmount()
  })

  it('creates one key however often 创建 is clicked while the request is on its way', async () => {
    let posts = 0
    let release: () => void = () => {}
    const answered = new Promise<void>((resolve) => (release = resolve))
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posts++
          await answered
          return json({
            key: { id: 'k2', name: 'HIS', prefix: 'abc', status: 'ACTIVE' },
            secret: 'rtms_abc.secret',
          })
        }
        return json([])
      }),
    )
    const wrapper = mount(ApiKeysPage, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    await wrapper.get('[data-testid="api-key-new"]').trigger('click')
    await flushPromises()
    const input = document.querySelector(
      '[data-testid="api-key-name"] input, input[data-testid="api-key-name"]',
    ) as HTMLInputElement
    input.value = 'HIS 手术申请'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    const create = document.querySelector('[data-testid="api-key-create"]') as HTMLButtonElement
    create.click()
    create.click()
    create.click()
    await flushPromises()
    release()
    await flushPromises()
    expect(posts).toBe(1)
    wrapper.unmount()
  })
})
