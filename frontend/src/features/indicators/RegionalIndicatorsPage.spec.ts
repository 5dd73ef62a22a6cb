import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setUser } from '@/features/auth/session'
import RegionalIndicatorsPage from './RegionalIndicatorsPage.vue'
import type { IndicatorCell, IndicatorSet } from './api'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const EChartStub = defineComponent({
  props: { option: { type: Object, required: true }, height: { type: String, default: '' } },
  setup() {
    return () => h('div', { class: 'chart-stub' })
  },
})

const set: IndicatorSet = {
  key: 'G08-2023',
  technology: 'G08',
  edition: '2023',
  title: '肿瘤消融治疗技术（2023年版）',
  source: '国家限制类技术临床应用质量控制指标（2023年版）',
  notes: [],
  indicators: [
    {
      code: 'G08.INDICATION',
      name: '肿瘤消融治疗适应证符合率',
      definition: '符合适应证的例次数占同期消融治疗总例次数的比例',
      unit: 'CASE',
      kind: 'RATE',
      attribution: 'OPERATION_DATE',
      direction: 'HIGHER_BETTER',
      threshold: null,
      parent: null,
      stratifiers: [],
      clause: '一（一）',
      notes: ['注1 的适应证部分未纳入计算'],
    },
  ],
}

function cell(
  groupKey: string,
  groupName: string,
  period: string,
  numerator: number,
  denominator: number,
): IndicatorCell {
  return {
    indicatorCode: 'G08.INDICATION',
    groupKey,
    groupName,
    period,
    stratum: null,
    numerator,
    denominator,
    value: denominator ? Number(((100 * numerator) / denominator).toFixed(2)) : null,
    meetsThreshold: null,
  }
}

// the dictionary's first set is seed implantation; the region mostly does ablation
const seedSet: IndicatorSet = { ...set, key: 'G07-2023', technology: 'G07', title: '放射性粒子植入治疗技术' }
const requests: string[] = []
let casesRefused = false
let volumes: { technology: string; cases: number }[] = [
  { technology: 'G10', cases: 80 },
  { technology: 'G08', cases: 60 },
  { technology: 'G07', cases: 12 },
]

function respond(url: string): Response {
  requests.push(url)
  const u = new URL(url, 'http://localhost')
  if (u.pathname === '/api/indicators/sets') return json([seedSet, set])
  if (u.pathname === '/api/cases/recent-volumes') return json(volumes)
  if (u.pathname === '/api/indicators/results') {
    const grouped = u.searchParams.get('groupBy') === 'INSTITUTION'
    const period = u.searchParams.get('period') === 'ALL' ? 'ALL' : '2026-Q4'
    const cells = grouped
      ? [
          cell('a', '甲医院', period, 2, 4),
          cell('b', '乙医院', period, 3, 3),
          cell('c', '丙医院', period, 0, 0),
        ]
      : [cell('ALL', '全部', period, 5, 7)]
    return json({ asOf: '2026-11-22', cells })
  }
  if (u.pathname === '/api/indicators/cases' && casesRefused) {
    return new Response(
      JSON.stringify({
        status: 400,
        code: 'INVALID_INDICATOR_QUERY',
        detail: '指标按“机构 × 技术”计数，没有病例明细可查看',
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    )
  }
  if (u.pathname === '/api/indicators/cases') {
    return json({
      rows: [
        {
          caseId: 'c1',
          institutionId: 'b',
          institutionName: '乙医院',
          medicalRecordNo: 'BA0001',
          patientPseudonym: 'P-1',
          operationDate: '2026-10-01',
          operatorName: '王医生',
          department: '超声科',
          contribution: 1,
        },
      ],
      total: 1,
      page: 0,
      size: 20,
    })
  }
  return json({}, 404)
}

async function mountPage(path = '/indicators') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => respond(url)),
  )
  setUser({
    id: 'u',
    username: 'changchun',
    displayName: '长春市卫健委',
    role: 'CITY_AUTHORITY',
    roleLabel: '市（州）级卫生健康行政部门',
    regionCode: '220100',
    regionName: '长春市',
    mustChangePassword: false,
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/indicators', component: RegionalIndicatorsPage },
      { path: '/cases/:id', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  const wrapper = mount(RegionalIndicatorsPage, {
    global: { plugins: [ElementPlus, router], stubs: { EChart: EChartStub } },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

// the periods follow "today" (2026-11-22 in China), never the machine's date
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-22T02:00:00Z'))
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  requests.length = 0
  casesRefused = false
  volumes = [
    { technology: 'G10', cases: 80 },
    { technology: 'G08', cases: 60 },
    { technology: 'G07', cases: 12 },
  ]
  document.body.innerHTML = ''
})

describe('RegionalIndicatorsPage (辖区质控指标)', () => {
  it('opens on what a supervision alert links to: set, indicator, quarter and hospital', async () => {
    const wrapper = await mountPage(
      '/indicators?set=G07-2023&indicator=G08.INDICATION&institutionId=0b4e9d52-1111-4a3c-9c1d-2f6a8e7d9b10&from=2026-07-01&to=2026-09-30',
    )
    expect(requests.some((r) => r.startsWith('/api/cases/recent-volumes'))).toBe(false)
    const results = requests.filter((r) => r.startsWith('/api/indicators/results'))
    expect(results.every((r) => r.includes('set=G07-2023'))).toBe(true)
    const period = wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find((c) => c.attributes('data-testid') === 'indicator-period')
    expect(period?.props('modelValue')).toBe('2026-Q3')
    const groups = wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find((c) => c.attributes('data-testid') === 'indicator-trend-groups')
    expect(groups?.props('modelValue')).toEqual(['0b4e9d52-1111-4a3c-9c1d-2f6a8e7d9b10'])
    wrapper.unmount()
  })

  it("opens on the set of the region's most-done technology that has indicators, else the first set", async () => {
    // G10 has no indicator set here, G08 comes next
    const wrapper = await mountPage()
    const results = requests.filter((r) => r.startsWith('/api/indicators/results'))
    expect(results.length).toBeGreaterThan(0)
    expect(results.every((r) => r.includes('set=G08-2023'))).toBe(true)
    wrapper.unmount()

    requests.length = 0
    volumes = []
    const none = await mountPage()
    expect(
      requests
        .filter((r) => r.startsWith('/api/indicators/results'))
        .every((r) => r.includes('set=G07-2023')),
    ).toBe(true)
    none.unmount()
  })

  it('asks for the region by institution and as a whole, ranks best first and shows no code', async () => {
    const wrapper = await mountPage()
    const results = requests.filter((r) => r.startsWith('/api/indicators/results'))
    expect(results).toHaveLength(4)
    expect(results.every((r) => r.includes('regionCode=220100') && r.includes('set=G08-2023'))).toBe(true)
    const rows = wrapper.findAll('[data-testid="indicator-rank-table"] .el-table__body tr')
    expect(rows.map((r) => r.text().replace(/\s+/g, ''))).toEqual([
      '1乙医院33100.00%',
      '2甲医院2450.00%',
      '—丙医院00—',
    ])
    expect(wrapper.get('[data-testid="indicator-direction"]').text()).toBe('越高越好')
    expect(wrapper.get('[data-testid="indicator-regional"]').text()).toContain('71.43%')
    expect(wrapper.get('[data-testid="indicator-notes"]').text()).toContain('注1 的适应证部分未纳入计算')
    const text = wrapper.text()
    for (const code of ['G08.INDICATION', 'HIGHER_BETTER', 'OPERATION_DATE', 'CASE', 'RATE']) {
      expect(text).not.toContain(code)
    }
  })

  it('opens the cases behind a clicked denominator with the same filters and the cell', async () => {
    const wrapper = await mountPage()
    await wrapper.findAll('[data-testid="rank-denominator"]')[0]!.trigger('click')
    await flushPromises()
    const asked = new URL(
      requests.find((r) => r.startsWith('/api/indicators/cases'))!,
      'http://localhost',
    )
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      set: 'G08-2023',
      groupBy: 'INSTITUTION',
      indicator: 'G08.INDICATION',
      part: 'DENOMINATOR',
      groupKey: 'b',
      period: 'ALL',
      cellPeriod: 'ALL',
      regionCode: '220100',
      page: '0',
      size: '20',
    })
    const drawer = document.querySelector('[data-testid="indicator-drill"]')!
    expect(drawer.textContent).toContain('乙医院 · 肿瘤消融治疗适应证符合率')
    expect(document.querySelector('[data-testid="indicator-drill-total"]')!.textContent).toBe('1')
    const link = document.querySelector('[data-testid="indicator-drill-case"]') as HTMLAnchorElement
    expect(link.textContent).toBe('BA0001')
    expect(link.getAttribute('href')).toBe('/cases/c1')
  })

  it('says why when the server has no cases for a number', async () => {
    casesRefused = true
    const wrapper = await mountPage()
    await wrapper.findAll('[data-testid="rank-numerator"]')[0]!.trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="indicator-drill-failed"]')!.textContent).toContain(
      '没有病例明细可查看',
    )
    expect(document.querySelector('[data-testid="indicator-drill-total"]')!.textContent).toBe('0')
  })
})
