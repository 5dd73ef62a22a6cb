import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ClauseEvaluation, UserRole } from '@/api/types'
import { setUser } from '@/features/auth/session'
import ClauseTable from './ClauseTable.vue'
import InstitutionClausePage from '@/features/institutions/InstitutionClausePage.vue'
import { testUser } from '@/features/auth/testing'

const evaluation: ClauseEvaluation = {
  subject: 'INSTITUTION',
  subjectLabel: '医疗机构',
  technology: 'G08',
  edition: '2022年版',
  pathways: [],
  notices: [],
  specKey: 'G08-2022',
  specTitle: '肿瘤消融治疗技术临床应用管理规范（2022年版）',
  asOf: '2026-06-30',
  status: 'NOT_MET',
  statusLabel: '不符合',
  clauses: [
    {
      ref: '一(一)',
      citation: 'G08/2022 一(一)',
      section: 'INSTITUTION',
      sectionLabel: '医疗机构基本要求',
      text: '医疗机构开展肿瘤消融治疗技术应当与其功能、任务和技术能力相适应。',
      status: 'NEEDS_ATTESTATION',
      statusLabel: '待确认',
      explanation: '需人工确认',
      actual: null,
      required: null,
      evidence: [],
      failedRuleKinds: [],
    },
    {
      ref: '一(三)',
      citation: 'G08/2022 一(三)',
      section: 'INSTITUTION',
      sectionLabel: '医疗机构基本要求',
      text: '有肿瘤科或相关科室，床位不少于30张。',
      status: 'NOT_MET',
      statusLabel: '不符合',
      explanation: '床位 24 张，要求不少于 30 张',
      actual: '24',
      required: '30',
      evidence: ['来源：科室床位登记，肿瘤科 24 张'],
      failedRuleKinds: ['beds'],
    },
  ],
  qualifiedPhysicians: [{ personId: 'p1', name: '王强', status: 'MET', statusLabel: '符合' }],
}

function router() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/institutions/:id/eligibility/:technology', component: InstitutionClausePage, props: true },
      { path: '/:p(.*)*', component: { template: '<div />' } },
    ],
  })
}

describe('ClauseTable', () => {
  it('renders a NOT_MET clause with its status tag and explanation', () => {
    const wrapper = mount(ClauseTable, {
      props: { clauses: evaluation.clauses },
      global: { plugins: [ElementPlus] },
    })
    const row = wrapper.get('[data-testid="clause-一(三)"]')
    expect(row.get('[data-testid="clause-citation"]').text()).toBe('G08/2022 一(三)')
    const tag = row.get('[data-testid="clause-status"]')
    expect(tag.text()).toBe('不符合')
    expect(tag.classes()).toContain('el-tag--danger')
    expect(row.get('[data-testid="clause-explanation"]').text()).toBe('床位 24 张，要求不少于 30 张')
    expect(row.text()).toContain('实际：24；要求：30')
    expect(row.text()).toContain('来源：科室床位登记')
    expect(wrapper.find('.section-row').text()).toBe('医疗机构基本要求')
  })

  it('filters by status', async () => {
    const wrapper = mount(ClauseTable, {
      props: { clauses: evaluation.clauses },
      global: { plugins: [ElementPlus] },
    })
    const notMet = wrapper.findAll('label.el-radio-button').find((b) => b.text().startsWith('不符合'))
    await notMet!.find('input').setValue(true)
    expect(wrapper.find('[data-testid="clause-一(一)"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="clause-一(三)"]').exists()).toBe(true)
  })
})

/** The institution page and its G08 drill-down, as the server would answer them. */
function stubClauseFetch() {
  const fetchMock = vi.fn(async (url: string) => {
    const body = url.startsWith('/api/institutions/i1/eligibility/G08')
      ? evaluation
      : { id: 'i1', name: '长春市中心医院' }
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function mountClausePage() {
  const r = router()
  r.push('/institutions/i1/eligibility/G08')
  await r.isReady()
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [ElementPlus, r] } })
  await flushPromises()
  return wrapper
}

describe('InstitutionClausePage', () => {
  it('fetches the drill-down and shows the failing clause', async () => {
    const fetchMock = stubClauseFetch()
    const wrapper = await mountClausePage()

    expect(fetchMock.mock.calls.map((c) => c[0])).toContain('/api/institutions/i1/eligibility/G08')
    expect(wrapper.text()).toContain('长春市中心医院 · G08 条款明细')
    const row = wrapper.get('[data-testid="clause-一(三)"]')
    expect(row.get('[data-testid="clause-status"]').text()).toBe('不符合')
    expect(row.text()).toContain('床位 24 张，要求不少于 30 张')
    expect(wrapper.get('[data-testid="overall-status"]').text()).toBe('不符合')
    expect(wrapper.text()).toContain('王强')
  })

  it('links a failing clause to its section: 查看并修改 for the own clerk, 查看 for an authority', async () => {
    stubClauseFetch()
    const user = (role: UserRole, institutionId: string | null) => testUser(role, { institutionId })
    const linkText = async () => {
      const wrapper = await mountClausePage()
      const text = wrapper.get('[data-testid="clause-section-link-一(三)"]').text()
      wrapper.unmount()
      return text
    }
    setUser(user('HOSPITAL_CLERK', 'i1'))
    expect(await linkText()).toMatch(/^查看并修改：/)
    setUser(user('CITY_AUTHORITY', null))
    expect(await linkText()).toMatch(/^查看：/)
    setUser(null)
  })
})
