import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setUser } from '@/features/auth/session'
import { testUser } from '@/features/auth/testing'
import InboxPage from './InboxPage.vue'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

function item(id: string, institutionName: string, overdue: boolean) {
  return {
    filing: {
      id,
      institutionName,
      technology: 'G08',
      technologyName: '肿瘤消融治疗技术',
      state: 'SUBMITTED',
    },
    action: 'RECEIVE',
    actionLabel: '受理',
    dueOn: overdue ? '2026-11-01' : '2026-12-20',
    overdue,
  }
}

async function mountAt(path: string) {
  setUser(testUser('CITY_AUTHORITY', { regionCode: '220100' }))
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => json([item('f1', '吉林省松江肿瘤医院', true), item('f2', '长春市中心医院', false)])),
  )
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/inbox', component: InboxPage },
      { path: '/filings/:id', component: {} },
    ],
  })
  await router.push(path)
  const wrapper = mount(InboxPage, { global: { plugins: [ElementPlus, router] } })
  await flushPromises()
  return { wrapper, router }
}

afterEach(() => vi.unstubAllGlobals())

describe('InboxPage (备案待办)', { timeout: 30_000 }, () => {
  it('shows only the overdue items when the workbench card 逾期待办 links here, and all again on request', async () => {
    const { wrapper, router } = await mountAt('/inbox?overdue=true')
    const table = () => wrapper.get('.el-table').text()
    expect(table()).toContain('吉林省松江肿瘤医院')
    expect(table()).not.toContain('长春市中心医院')
    expect(wrapper.get('[data-testid="inbox-total"]').text()).toBe('共 1 项')

    await wrapper.get('[data-testid="inbox-overdue-only"] input').setValue(false)
    await flushPromises()
    expect(table()).toContain('长春市中心医院')
    expect(wrapper.get('[data-testid="inbox-total"]').text()).toBe('共 2 项')
    expect(router.currentRoute.value.query).toEqual({})
    wrapper.unmount()
  })

  it('shows every item without the filter', async () => {
    const { wrapper } = await mountAt('/inbox')
    expect(wrapper.get('.el-table').text()).toContain('长春市中心医院')
    wrapper.unmount()
  })
})
