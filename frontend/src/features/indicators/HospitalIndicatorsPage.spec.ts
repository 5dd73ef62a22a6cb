import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setUser } from '@/features/auth/session'
import HospitalIndicatorsPage from './HospitalIndicatorsPage.vue'
import PhysicianIndicatorsPage from './PhysicianIndicatorsPage.vue'
import type { IndicatorCell, IndicatorSet } from './api'

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

const EChartStub = defineComponent({
  props: { option: { type: Object, required: true }, height: { type: String, default: '' } },
  setup() {
    return () => h('div', { class: 'chart-stub' })
  },
})

const OWN = '11111111-1111-1111-1111-111111111111'

const set: IndicatorSet = {
  key: 'G08-2023',
  technology: 'G08',
  edition: '2023',
  title: '肿瘤消融治疗技术（2023年版）',
  source: '',
  notes: [],
  indicators: [
    {
      code: 'G08.DEATH_30D',
      name: '肿瘤消融治疗后30天内死亡率',
      definition: '',
      unit: 'CASE',
      kind: 'RATE',
      attribution: 'OPERATION_DATE',
      direction: 'LOWER_BETTER',
      threshold: null,
      parent: null,
      stratifiers: [],
      clause: '一（七）5',
      notes: ['30 天后才自动出院的不计入'],
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
    indicatorCode: 'G08.DEATH_30D',
    groupKey,
    groupName,
    period,
    numerator,
    denominator,
    value: Number(((100 * numerator) / denominator).toFixed(2)),
  }
}

/** A seed-implantation set listed before ablation, as the dictionary lists them. */
const seedSet: IndicatorSet = {
  ...set,
  key: 'G07-2022',
  technology: 'G07',
  title: '放射性粒子植入治疗技术（2022年版）',
  indicators: [{ ...set.indicators[0]!, code: 'G07.DOSE_VERIFICATION', name: '术后放射剂量验证率' }],
}

const requests: string[] = []
let setsAnswer: IndicatorSet[] = [set]
let institutionAnswer: Record<string, unknown> = { id: OWN, name: '松江肿瘤医院', regionCode: '220104' }
let ownCells = () => [cell(OWN, '松江肿瘤医院', '2026-Q4', 1, 20)]
let provinceAnswer: (() => Response) | null = null
let regionAnswer: () => Response = () =>
  json({ asOf: '2026-11-22', cells: [cell('ALL', '全部', '2026-Q4', 3, 60)] })

function respond(url: string): Response {
  requests.push(url)
  const u = new URL(url, 'http://localhost')
  const q = u.searchParams
  if (u.pathname === '/api/indicators/sets') return json(setsAnswer)
  if (u.pathname === `/api/institutions/${OWN}`) return json(institutionAnswer)
  if (u.pathname === '/api/regions') return json([{ code: '220000', name: '吉林省', children: [] }])
  if (u.pathname === '/api/indicators/results' && q.get('groupBy') === 'INSTITUTION') {
    return json({ asOf: '2026-11-22', cells: ownCells() })
  }
  if (u.pathname === '/api/indicators/results' && q.get('groupBy') === 'NONE')
    return provinceAnswer && q.get('regionCode') === '220000' ? provinceAnswer() : regionAnswer()
  if (u.pathname === '/api/indicators/results' && q.get('groupBy') === 'OPERATOR') {
    return json({
      asOf: '2026-11-22',
      cells: [
        { ...cell('p2', '王医生', '2026-H2', 1, 4) },
        { ...cell('p1', '高志远', '2026-H2', 0, 5) },
        { ...cell('p1', '高志远', '2026-H1', 1, 2) },
      ],
    })
  }
  return json({}, 404)
}

async function mountPage(component: typeof HospitalIndicatorsPage, path = '/') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => respond(url)),
  )
  setUser({
    id: 'u',
    username: 'songjiang-clerk',
    displayName: '松江医务科',
    role: 'HOSPITAL_CLERK',
    roleLabel: '医务科',
    institutionId: OWN,
    institutionName: '松江肿瘤医院',
    mustChangePassword: false,
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component }],
  })
  await router.push(path)
  const wrapper = mount(component, {
    global: { plugins: [ElementPlus, router], stubs: { EChart: EChartStub } },
  })
  await flushPromises()
  return wrapper
}

// the periods follow "today" (2026-11-22 in China), never the machine's date
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-22T02:00:00Z'))
})

const defaultRegionAnswer = regionAnswer

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  requests.length = 0
  setsAnswer = [set]
  institutionAnswer = { id: OWN, name: '松江肿瘤医院', regionCode: '220104' }
  ownCells = () => [cell(OWN, '松江肿瘤医院', '2026-Q4', 1, 20)]
  regionAnswer = defaultRegionAnswer
  provinceAnswer = null
})

describe('HospitalIndicatorsPage (本院质控指标)', () => {
  it('asks for its own institution only and shows the region of the same period as plain text', async () => {
    const wrapper = await mountPage(HospitalIndicatorsPage)
    const results = requests
      .filter((r) => r.startsWith('/api/indicators/results'))
      .map((r) => new URL(r, 'http://x'))
    const own = results.find((u) => u.searchParams.get('groupBy') === 'INSTITUTION')!
    expect(own.searchParams.get('institutionId')).toBe(OWN)
    expect(own.searchParams.get('regionCode')).toBeNull()
    // the city by default, no institution
    const region = results.find((u) => u.searchParams.get('groupBy') === 'NONE')!
    expect(region.searchParams.get('regionCode')).toBe('220100')
    expect(region.searchParams.get('institutionId')).toBeNull()
    const row = wrapper.get('[data-testid="hospital-indicator-table"] .el-table__body tr')
    expect(row.get('[data-testid="hospital-own"]').text().replace(/\s/g, '')).toContain('5.00%（1/20）')
    const regionCell = row.get('[data-testid="hospital-region"]')
    expect(regionCell.text().replace(/\s/g, '')).toContain('5.00%（3/60）')
    expect(regionCell.find('a, .el-link').exists()).toBe(false)
    expect(wrapper.find('[data-testid="region-refused"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="region-withheld"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="indicator-notes"]').text()).toContain('30 天后才自动出院的不计入')
  })

  it('shows its own values only, saying so, when the server refuses the region to a hospital', async () => {
    regionAnswer = () =>
      json(
        { status: 403, code: 'ACCESS_DENIED', detail: '医疗机构账号不能按行政区划查询质控指标' },
        403,
        'application/problem+json',
      )
    const wrapper = await mountPage(HospitalIndicatorsPage)
    expect(wrapper.get('[data-testid="region-refused"]').text()).toContain('仅显示本院数据')
    const row = wrapper.get('[data-testid="hospital-indicator-table"] .el-table__body tr')
    expect(row.get('[data-testid="hospital-own"]').text()).toContain('1')
    expect(row.get('[data-testid="hospital-region"]').text().trim()).toBe('')
    expect(wrapper.text()).not.toContain('LOWER_BETTER')
    expect(wrapper.text()).toContain('越低越好')
  })
})

describe('HospitalIndicatorsPage: which technology it opens on, and an empty trend', () => {
  it("opens on the technology the hospital does most, not the dictionary's first", async () => {
    setsAnswer = [seedSet, set]
    institutionAnswer = {
      id: OWN,
      name: '松江肿瘤医院',
      regionCode: '220104',
      firstCases: { G07: '2012-10-09', G08: '2009-03-16' },
      caseVolumes: [
        { technology: 'G07', year: 2024, cases: 900 },
        { technology: 'G08', year: 2025, cases: 1610 },
        { technology: 'G08', subTechnique: 'RFA', year: 2025, cases: 700 },
      ],
    }
    const wrapper = await mountPage(HospitalIndicatorsPage)
    const results = requests.filter((r) => r.startsWith('/api/indicators/results'))
    expect(results.length).toBeGreaterThan(0)
    expect(results.every((r) => new URL(r, 'http://x').searchParams.get('set') === 'G08-2023')).toBe(true)
    // one request for the own hospital's cells, not a second one for a set chosen first and replaced
    expect(results.filter((r) => r.includes('groupBy=INSTITUTION'))).toHaveLength(1)
    expect(wrapper.get('[data-testid="indicator-trend"]').text()).toContain('肿瘤消融治疗后30天内死亡率')
    expect(wrapper.find('[data-testid="indicator-trend-empty"]').exists()).toBe(false)
  })

  it('opens on the set a supervision alert links to, whatever the hospital does most', async () => {
    setsAnswer = [seedSet, set]
    institutionAnswer = {
      id: OWN,
      name: '松江肿瘤医院',
      regionCode: '220104',
      caseVolumes: [{ technology: 'G08', year: 2025, cases: 1610 }],
    }
    await mountPage(HospitalIndicatorsPage, '/?set=G07-2022&indicator=unknown&from=2026-07-01')
    const own = requests.find((r) => r.includes('groupBy=INSTITUTION'))!
    expect(new URL(own, 'http://x').searchParams.get('set')).toBe('G07-2022')
  })

  it("opens on the dictionary's first technology when the hospital recorded none", async () => {
    setsAnswer = [seedSet, set]
    await mountPage(HospitalIndicatorsPage)
    const own = requests.find((r) => r.includes('groupBy=INSTITUTION'))!
    expect(new URL(own, 'http://x').searchParams.get('set')).toBe('G07-2022')
  })

  it('says why region values are missing when the server withheld some of them', async () => {
    regionAnswer = () =>
      json({ asOf: '2026-11-22', cells: [cell('ALL', '全部', '2026-Q4', 3, 60)], withheld: 12 })
    const wrapper = await mountPage(HospitalIndicatorsPage)
    expect(wrapper.get('[data-testid="region-withheld"]').text()).toContain(
      '有 12 项辖区值未显示：参与统计的医疗机构不足 3 家',
    )
  })

  it('compares with the province when the city withholds every value, saying so', async () => {
    regionAnswer = () => json({ asOf: '2026-11-22', cells: [], withheld: 12 })
    provinceAnswer = () =>
      json({ asOf: '2026-11-22', cells: [cell('ALL', '全部', '2026-Q4', 6, 100)], withheld: 0 })
    const wrapper = await mountPage(HospitalIndicatorsPage)
    const regionQueries = requests
      .filter((r) => r.includes('groupBy=NONE'))
      .map((r) => new URL(r, 'http://x').searchParams.get('regionCode'))
    expect(regionQueries).toEqual(['220100', '220000'])
    expect(wrapper.get('[data-testid="region-widened"]').text()).toContain(
      '本市（州）参与统计的医疗机构不足 3 家，已改为与吉林省对照',
    )
    const row = wrapper.get('[data-testid="hospital-indicator-table"] .el-table__body tr')
    expect(row.get('[data-testid="hospital-region"]').text().replace(/\s/g, '')).toContain('6.00%（6/100）')
  })

  it('explains an empty trend instead of drawing blank axes', async () => {
    ownCells = () => []
    regionAnswer = () => json({ asOf: '2026-11-22', cells: [] })
    const wrapper = await mountPage(HospitalIndicatorsPage)
    const empty = wrapper.get('[data-testid="indicator-trend-empty"]')
    expect(empty.text()).toContain('近 8 个季度本院与本市（州）均无计入该指标的病例')
    expect(wrapper.find('.chart-stub').exists()).toBe(false)
  })
})

describe('PhysicianIndicatorsPage (医师质控评价)', () => {
  it('lists the operators of the chosen half-year by name and one operator over the half-years', async () => {
    const wrapper = await mountPage(PhysicianIndicatorsPage)
    const asked = new URL(
      requests.find((r) => r.startsWith('/api/indicators/results'))!,
      'http://x',
    )
    expect(asked.searchParams.get('groupBy')).toBe('OPERATOR')
    expect(asked.searchParams.get('period')).toBe('HALF_YEAR')
    expect(asked.searchParams.get('institutionId')).toBe(OWN)
    const names = wrapper.findAll('[data-testid="physician-name"]').map((n) => n.text())
    expect(names).toEqual(['高志远', '王医生'])
    await wrapper.findAll('[data-testid="physician-name"]')[0]!.trigger('click')
    const detail = wrapper.get('[data-testid="physician-detail"]')
    expect(detail.text()).toContain('高志远：近4个半年')
    expect(detail.text().replace(/\s/g, '')).toContain('0.00%（0/5）')
    expect(detail.text().replace(/\s/g, '')).toContain('50.00%（1/2）')
  })
})
