import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CasePage, CurrentUser } from '@/api/types'
import { setUser } from '@/features/auth/session'
import CaseListPage from './CaseListPage.vue'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const clerk: CurrentUser = {
  id: 'u1',
  username: 'songjiang-clerk',
  displayName: '医务科',
  role: 'HOSPITAL_CLERK',
  institutionId: 'i1',
  personId: null,
  regionCode: null,
  roleLabel: '角色',
  mustChangePassword: false,
}

const page: CasePage = {
  total: 45,
  items: [
    {
      id: 'c1',
      status: 'SUBMITTED',
      technology: 'G08',
      medicalRecordNo: 'BA-1',
      patient: '张*',
      operationDate: '2026-11-03',
      operatorName: '李医生',
      institutionName: '松江肿瘤医院',
      flags: ['UNAUTHORIZED', 'FILING_PENDING'],
    },
  ],
}

async function mountList(user: CurrentUser, path = '/cases') {
  setUser(user)
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async (url) => {
    if (url.startsWith('/api/cases')) return json(page)
    return json([])
  })
  vi.stubGlobal('fetch', fetchMock)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cases', component: CaseListPage },
      { path: '/cases/:id', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  const wrapper = mount(CaseListPage, { global: { plugins: [ElementPlus, router] } })
  await flushPromises()
  return { wrapper, fetchMock }
}

const caseCalls = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls.map((c) => String(c[0])).filter((u) => u.startsWith('/api/cases'))

describe('CaseListPage', { timeout: 30_000 }, () => {
  it('lists cases with masked patient, status and flag tags, and offers 新建病例 to the hospital', async () => {
    const { wrapper, fetchMock } = await mountList(clerk)
    expect(caseCalls(fetchMock)[0]).toBe('/api/cases?page=0&size=20')
    const table = wrapper.get('[data-testid="case-table"]')
    expect(table.text()).toContain('BA-1')
    expect(table.text()).toContain('张*')
    expect(table.text()).toContain('已提交')
    expect(wrapper.get('[data-testid="case-flag-BA-1-UNAUTHORIZED"]').text()).toBe('未授权')
    expect(wrapper.get('[data-testid="case-flag-BA-1-FILING_PENDING"]').text()).toBe('备案办理中')
    expect(wrapper.find('[data-testid="case-new"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="case-filter-status"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('共 45 例')
    wrapper.unmount()
  })

  it('passes the filters from the address and counts pages from 0 on the server', async () => {
    const { wrapper, fetchMock } = await mountList(
      clerk,
      '/cases?technology=G08&flag=UNFILED&from=2026-01-01&to=2026-06-30&page=2',
    )
    expect(caseCalls(fetchMock)[0]).toBe(
      '/api/cases?technology=G08&flag=UNFILED&from=2026-01-01&to=2026-06-30&page=1&size=20',
    )
    wrapper.unmount()
  })

  it('lists the cases with any blocking flag when the workbench card 问题病例 links here', async () => {
    const { wrapper, fetchMock } = await mountList(clerk, '/cases?status=SUBMITTED&flag=BLOCKING')
    expect(caseCalls(fetchMock)[0]).toBe('/api/cases?status=SUBMITTED&flag=BLOCKING&page=0&size=20')
    expect(wrapper.get('[data-testid="case-filter-flag"]').text()).toContain('任一问题标记')
    wrapper.unmount()
  })

  it('finds cases by 病案号 in the address, and by a patient ID number only in a request body', async () => {
    const { wrapper, fetchMock } = await mountList(clerk, '/cases?q=SJ23')
    expect(caseCalls(fetchMock)[0]).toBe('/api/cases?q=SJ23&page=0&size=20')
    const input = wrapper.get('input[data-testid="case-filter-q"]')
    expect(input.attributes('placeholder')).toContain('身份证号')

    await input.setValue(' 22010419650315123x ')
    await wrapper.get('form.toolbar').trigger('submit')
    await flushPromises()
    const last = fetchMock.mock.calls.at(-1)!
    expect(String(last[0])).toBe('/api/cases/search')
    expect((last[1] as RequestInit).method).toBe('POST')
    expect(JSON.parse(String((last[1] as RequestInit).body))).toMatchObject({
      q: '22010419650315123x',
      page: 0,
    })
    expect(fetchMock.mock.calls.map((c) => String(c[0])).some((u) => u.includes('220104196503'))).toBe(false)
    const router = (wrapper.vm as unknown as { $router: { currentRoute: { value: { query: object } } } })
      .$router
    expect(router.currentRoute.value.query).not.toHaveProperty('q')
    wrapper.unmount()
  })

  it("shows the operating physician his patients' masked names under 患者, not 化名", async () => {
    const { wrapper } = await mountList({ ...clerk, role: 'PHYSICIAN', personId: 'p1' })
    const header = wrapper.get('[data-testid="case-table"] thead').text()
    expect(header).toContain('患者')
    expect(header).not.toContain('化名')
    expect(wrapper.find('[data-testid="case-new"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows authorities the pseudonym column, no 新建病例 and no status to choose (they see submitted cases only)', async () => {
    const { wrapper } = await mountList({ ...clerk, role: 'CITY_AUTHORITY', institutionId: null })
    expect(wrapper.find('[data-testid="case-new"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="case-filter-status"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="case-table"]').text()).toContain('患者（化名）')
    expect(wrapper.get('[data-testid="case-table"]').text()).toContain('医疗机构')
    expect(wrapper.get('input[data-testid="case-filter-q"]').attributes('placeholder')).toBe(
      '病案号 / 住院号',
    )
    wrapper.unmount()
  })
})
