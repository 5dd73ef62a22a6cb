import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { testUser } from '@/features/auth/testing'
import { setUser } from '@/features/auth/session'
import CaseNewPage from './CaseNewPage.vue'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const catalogue = [
  { code: 'G07', name: '放射性粒子植入治疗技术' },
  { code: 'G08', name: '肿瘤消融治疗技术' },
  { code: 'G10', name: '人工智能辅助治疗技术' },
]

async function mountPage(filings: unknown, path = '/cases/new') {
  setUser(testUser('HOSPITAL_CLERK', { institutionId: 'i1' }))
  const fetchMock = vi.fn(async (url: string) => {
    if (url.startsWith('/api/catalog/technologies') || url.startsWith('/api/technologies'))
      return json(catalogue)
    if (url.startsWith('/api/filings')) return filings instanceof Response ? filings : json(filings)
    return json({}, 404)
  })
  vi.stubGlobal('fetch', fetchMock)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cases/new', component: CaseNewPage },
      { path: '/cases', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  // the case form itself is CaseEditor's (tested there)
  const wrapper = mount(CaseNewPage, {
    global: {
      plugins: [ElementPlus, router],
      stubs: { CaseEditor: { template: '<div data-testid="editor" />' } },
    },
  })
  await flushPromises()
  return { wrapper, router }
}

afterEach(() => vi.unstubAllGlobals())

describe('CaseNewPage', { timeout: 30_000 }, () => {
  it('chooses the one technology the hospital holds an active filing for', async () => {
    const { wrapper, router } = await mountPage([
      { technology: 'G08', state: 'ACTIVE' },
      { technology: 'G10', state: 'SUBMITTED' },
    ])
    expect(router.currentRoute.value.query.technology).toBe('G08')
    expect(wrapper.find('[data-testid="editor"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="case-technology-unfiled"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('chooses nothing among several, and warns when the chosen technology has no filing in force', async () => {
    const { wrapper, router } = await mountPage(
      [
        { technology: 'G08', state: 'ACTIVE' },
        { technology: 'G07', state: 'ACTIVE' },
        { technology: 'G10', state: 'UNDER_EXPERT_REVIEW' },
      ],
      '/cases/new?technology=G10',
    )
    expect(router.currentRoute.value.query.technology).toBe('G10')
    expect(wrapper.get('[data-testid="case-technology-unfiled"]').text()).toContain('正在办理中')
    wrapper.unmount()

    const other = await mountPage([
      { technology: 'G08', state: 'ACTIVE' },
      { technology: 'G07', state: 'ACTIVE' },
    ])
    expect(other.router.currentRoute.value.query.technology).toBeUndefined()
    expect(other.wrapper.find('[data-testid="editor"]').exists()).toBe(false)
    other.wrapper.unmount()
  })

  it('groups the options by the hospital filings, and lists them all when the filings cannot be read', async () => {
    const { wrapper } = await mountPage([
      { technology: 'G08', state: 'ACTIVE' },
      { technology: 'G07', state: 'ACTIVE' },
    ])
    await wrapper.get('[data-testid="case-technology"]').trigger('click')
    await flushPromises()
    const groups = document.querySelectorAll('.el-select-group__title')
    expect([...groups].map((g) => g.textContent)).toEqual(['本院备案有效', '本院无有效备案'])
    wrapper.unmount()

    const unreadable = await mountPage(json({ title: '无权访问' }, 403), '/cases/new?technology=G07')
    expect(unreadable.wrapper.find('[data-testid="case-technology-unfiled"]').exists()).toBe(false)
    expect(unreadable.wrapper.find('[data-testid="editor"]').exists()).toBe(true)
    unreadable.wrapper.unmount()
  })
})
