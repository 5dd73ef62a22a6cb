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
  const fetchMock = vi.fn(async (url: string) => {
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
    wrapper.unmount()
  })
})
