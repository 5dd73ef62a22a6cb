import { describe, expect, it } from 'vitest'
import type { IndicatorCell } from './api'
import {
  cellsOf,
  formatCount,
  formatValue,
  hasValues,
  meets,
  periodBounds,
  periodLabel,
  periodOf,
  periodShortLabel,
  preferredTechnology,
  quartiles,
  rank,
  recentPeriods,
  strataOf,
  thresholdLabel,
  topGroups,
  trendSeries,
} from './indicators'

function cell(groupName: string, value: number | null, denominator = 10, extra: Partial<IndicatorCell> = {}) {
  return {
    indicatorCode: 'G08.INDICATION',
    groupKey: `k-${groupName}`,
    groupName,
    period: '2026-Q3',
    stratum: null,
    numerator: value === null ? 0 : (value * denominator) / 100,
    denominator: value === null ? 0 : denominator,
    value: value === null ? null : Number(value.toFixed(2)),
    meetsThreshold: null,
    ...extra,
  } satisfies IndicatorCell
}

describe('period labels', () => {
  it('writes every period key the engine sends in Chinese', () => {
    expect(periodLabel('ALL')).toBe('全部')
    expect(periodLabel('2026')).toBe('2026年')
    expect(periodLabel('2026-H1')).toBe('2026年上半年')
    expect(periodLabel('2026-H2')).toBe('2026年下半年')
    expect(periodLabel('2026-Q1')).toBe('2026年第一季度')
    expect(periodLabel('2026-Q4')).toBe('2026年第四季度')
    expect(periodLabel('2026-07')).toBe('2026年7月')
    expect(periodLabel('2026-13')).toBe('2026-13')
    expect(periodShortLabel('2026-Q3')).toBe('2026Q3')
    expect(periodShortLabel('2026-H2')).toBe('2026H2')
    expect(periodShortLabel('2026-07')).toBe('2026-07')
  })

  it('puts a day into its quarter, half-year, month and year with boundaries inclusive', () => {
    expect(periodOf('QUARTER', '2026-03-31')).toBe('2026-Q1')
    expect(periodOf('QUARTER', '2026-04-01')).toBe('2026-Q2')
    expect(periodOf('HALF_YEAR', '2026-06-30')).toBe('2026-H1')
    expect(periodOf('HALF_YEAR', '2026-07-01')).toBe('2026-H2')
    expect(periodOf('MONTH', '2026-02-28')).toBe('2026-02')
    expect(periodOf('YEAR', '2026-12-31')).toBe('2026')
    expect(periodOf('ALL', '2026-12-31')).toBe('ALL')
  })

  it('gives each period its first and last day, leap February included', () => {
    expect(periodBounds('QUARTER', '2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(periodBounds('HALF_YEAR', '2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' })
    expect(periodBounds('MONTH', '2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(periodBounds('YEAR', '2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })

  it('lists the last periods ending with the current one, across the year boundary', () => {
    expect(recentPeriods('QUARTER', 4, '2026-02-10')).toEqual({
      periods: ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'],
      from: '2025-04-01',
      to: '2026-03-31',
    })
    expect(recentPeriods('HALF_YEAR', 4, '2026-11-22')).toEqual({
      periods: ['2025-H1', '2025-H2', '2026-H1', '2026-H2'],
      from: '2025-01-01',
      to: '2026-12-31',
    })
    expect(recentPeriods('MONTH', 2, '2026-01-05').periods).toEqual(['2025-12', '2026-01'])
    expect(recentPeriods('YEAR', 3, '2026-11-22').periods).toEqual(['2024', '2025', '2026'])
  })
})

describe('ranking', () => {
  it('ranks higher-is-better descending, equal values sharing a rank, no value last and unranked', () => {
    const ranked = rank(
      [cell('乙医院', 80), cell('甲医院', 95), cell('丙医院', null), cell('丁医院', 80, 20)],
      'HIGHER_BETTER',
    )
    expect(ranked.map((r) => [r.rank, r.cell.groupName])).toEqual([
      [1, '甲医院'],
      [2, '丁医院'], // same value, larger denominator first
      [2, '乙医院'],
      [null, '丙医院'],
    ])
  })

  it('ranks lower-is-better ascending and monitored indicators descending', () => {
    const cells = [cell('甲医院', 5), cell('乙医院', 1.5), cell('丙医院', 12)]
    expect(rank(cells, 'LOWER_BETTER').map((r) => r.cell.groupName)).toEqual(['乙医院', '甲医院', '丙医院'])
    expect(rank(cells, 'MONITOR').map((r) => r.cell.groupName)).toEqual(['丙医院', '甲医院', '乙医院'])
    expect(rank(cells, 'LOWER_BETTER').map((r) => r.rank)).toEqual([1, 2, 3])
  })

  it('takes the top groups with a value for the default trend lines', () => {
    const ranked = rank([cell('甲', null), cell('乙', 10), cell('丙', 30)], 'HIGHER_BETTER')
    expect(topGroups(ranked, 5)).toEqual(['k-丙', 'k-乙'])
    expect(topGroups(ranked, 1)).toEqual(['k-丙'])
  })
})

describe('distribution', () => {
  it('gives the five-number summary with interpolated quartiles, ignoring groups without a value', () => {
    expect(quartiles([1, 2, 3, 4, null])).toEqual({
      min: 1,
      q1: 1.75,
      median: 2.5,
      q3: 3.25,
      max: 4,
      count: 4,
    })
    expect(quartiles([7])).toEqual({ min: 7, q1: 7, median: 7, q3: 7, max: 7, count: 1 })
    expect(quartiles([10, 0, 5])).toEqual({ min: 0, q1: 2.5, median: 5, q3: 7.5, max: 10, count: 3 })
    expect(quartiles([null, undefined])).toBeNull()
  })
})

describe('cells', () => {
  const cells = [
    cell('甲', 10),
    cell('甲', 20, 10, { period: '2026-Q2' }),
    cell('甲', 30, 10, { stratum: 'HEPATECTOMY' }),
    cell('乙', 40, 10, { indicatorCode: 'G08.DEATH' }),
  ]

  it('selects one indicator, period and stratum', () => {
    expect(cellsOf(cells, 'G08.INDICATION', '2026-Q3').map((c) => c.value)).toEqual([10])
    expect(cellsOf(cells, 'G08.INDICATION', '2026-Q3', 'HEPATECTOMY').map((c) => c.value)).toEqual([30])
    expect(strataOf(cells, 'G08.INDICATION')).toEqual([null, 'HEPATECTOMY'])
  })

  it('builds a trend line per group with gaps where a period has no cell', () => {
    const [line] = trendSeries(cells, 'G08.INDICATION', ['2026-Q1', '2026-Q2', '2026-Q3'], ['k-甲'])
    expect(line!.groupName).toBe('甲')
    expect(line!.values).toEqual([null, 20, 10])
  })
})

describe('texts', () => {
  const rate = { kind: 'RATE', unit: 'CASE' }
  const days = { kind: 'AVERAGE', unit: 'DAY' }

  it('formats rates, averages and counts', () => {
    expect(formatValue('12.5', rate)).toBe('12.50%')
    expect(formatValue(3.256, days)).toBe('3.26 天')
    expect(formatValue(null, rate)).toBe('—')
    expect(formatCount('12.00')).toBe('12')
    expect(formatCount(7.125)).toBe('7.13')
  })

  it('states the threshold with its clause and judges values strictly or inclusively', () => {
    const threshold = { comparator: 'GT', value: 80, clause: '一（七）2' }
    expect(thresholdLabel({ ...rate, threshold })).toBe('> 80.00%（一（七）2）')
    expect(thresholdLabel({ ...rate, threshold: null })).toBe('')
    expect(meets(threshold, 80)).toBe(false)
    expect(meets(threshold, 80.01)).toBe(true)
    expect(meets({ ...threshold, comparator: 'GE' }, 80)).toBe(true)
    expect(meets({ ...threshold, comparator: 'LE' }, 80)).toBe(true)
    expect(meets({ ...threshold, comparator: 'LT' }, 80)).toBe(false)
    expect(meets(null, 80)).toBeNull()
    expect(meets(threshold, null)).toBeNull()
  })
})

describe('comparison regions', () => {
  const names: Record<string, string> = { '220104': '朝阳区', '220100': '长春市', '220000': '吉林省' }
  it('offers county, city and province of the institution, named, without repeats', async () => {
    const { comparisonRegions } = await import('./regions')
    expect(comparisonRegions('220104', (c) => names[c])).toEqual([
      { code: '220104', level: 'COUNTY', label: '朝阳区' },
      { code: '220100', level: 'CITY', label: '长春市' },
      { code: '220000', level: 'PROVINCE', label: '吉林省' },
    ])
    expect(comparisonRegions('220100', (c) => names[c]).map((r) => r.level)).toEqual(['CITY', 'PROVINCE'])
    expect(comparisonRegions('220581', () => null).map((r) => r.label)).toEqual([
      '本县（区）',
      '本市（州）',
      '全省',
    ])
    expect(comparisonRegions(null, () => null)).toEqual([])
  })
})

describe('strata', () => {
  it('names strata without showing a code', async () => {
    const { stratumLabel } = await import('./strata')
    const robotic = { stratifiers: ['procedureType'] }
    expect(stratumLabel(robotic, null)).toBe('全部')
    expect(stratumLabel(robotic, '机器人辅助腹腔镜根治性前列腺切除术')).toBe(
      '机器人辅助腹腔镜根治性前列腺切除术',
    )
    expect(stratumLabel(robotic, 'PROSTATECTOMY')).toBe('其他分层')
    const hospital = { stratifiers: ['technology'] }
    expect(stratumLabel(hospital, 'G08', (c) => (c === 'G08' ? '肿瘤消融治疗技术' : null))).toBe(
      '肿瘤消融治疗技术',
    )
    expect(stratumLabel(hospital, 'X99')).toBe('其他技术')
  })
})

describe('preferredTechnology', () => {
  it('takes the most cases of the latest recorded year, whole technologies only', () => {
    expect(
      preferredTechnology({
        caseVolumes: [
          { technology: 'G07', year: 2025, cases: 300 },
          { technology: 'G08', year: 2025, cases: 1610 },
          { technology: 'G07', subTechnique: 'X', year: 2025, cases: 5000 },
          { technology: 'G10', year: 2023, cases: 9000 },
        ],
      }),
    ).toBe('G08')
    // a year recorded month by month counts as its sum
    expect(
      preferredTechnology({
        caseVolumes: [
          { technology: 'G07', year: 2025, cases: 300 },
          { technology: 'G10', year: 2025, cases: 200 },
          { technology: 'G10', year: 2025, cases: 200 },
        ],
      }),
    ).toBe('G10')
  })

  it('falls back to the first cases, then to none', () => {
    expect(
      preferredTechnology({ caseVolumes: [], firstCases: { S04: '2006-05-20', G08: '2009-03-16' } }),
    ).toBe('G08')
    expect(preferredTechnology({ caseVolumes: [{ technology: 'G07', year: 2025, cases: 0 }] })).toBeNull()
    expect(preferredTechnology({})).toBeNull()
  })

  it('hasValues is false for a trend of empty periods only', () => {
    expect(hasValues([{ values: [null, null] }])).toBe(false)
    expect(hasValues([{ values: [null] }, { values: [null, 0] }])).toBe(true)
    expect(hasValues([])).toBe(false)
  })
})
