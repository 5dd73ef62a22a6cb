/*
 * Pure logic of the indicator dashboards (docs/indicators-dashboards.md): period keys and labels, the ranking of
 * groups per indicator, the distribution (quartiles) and the Chinese texts of the dictionary's codes. No Vue here,
 * so every rule is unit-tested (indicators.spec.ts).
 */
import type { IndicatorCell, IndicatorDefinition, PeriodUnit, Threshold } from './api'

// ---- periods ----

const QUARTER_NAMES = ['一', '二', '三', '四']

/**
 * The Chinese label of a period key as the engine writes it: "ALL" 全部, "2026" 2026年, "2026-H1" 2026年上半年,
 * "2026-Q3" 2026年第三季度, "2026-07" 2026年7月. An unknown key is returned unchanged.
 */
export function periodLabel(period: string): string {
  if (period === 'ALL') return '全部'
  let m = /^(\d{4})$/.exec(period)
  if (m) return `${m[1]}年`
  m = /^(\d{4})-H([12])$/.exec(period)
  if (m) return `${m[1]}年${m[2] === '1' ? '上' : '下'}半年`
  m = /^(\d{4})-Q([1-4])$/.exec(period)
  if (m) return `${m[1]}年第${QUARTER_NAMES[Number(m[2]) - 1]}季度`
  m = /^(\d{4})-(\d{2})$/.exec(period)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}年${Number(m[2])}月`
  return period
}

/** A short label for chart axes: 2026Q3, 2026H1, 2026-07, 2026. */
export function periodShortLabel(period: string): string {
  return period.replace(/^(\d{4})-([QH]\d)$/, '$1$2')
}

export const PERIOD_UNIT_LABELS: Record<PeriodUnit, string> = {
  ALL: '整个区间',
  YEAR: '年',
  HALF_YEAR: '半年',
  QUARTER: '季度',
  MONTH: '月',
}

/** Months per period of a unit (ALL has none). */
const MONTHS: Record<Exclude<PeriodUnit, 'ALL'>, number> = { YEAR: 12, HALF_YEAR: 6, QUARTER: 3, MONTH: 1 }

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The key of the period of `unit` a date (yyyy-MM-dd) lies in. */
export function periodOf(unit: PeriodUnit, date: string): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  switch (unit) {
    case 'ALL':
      return 'ALL'
    case 'YEAR':
      return String(year)
    case 'HALF_YEAR':
      return `${year}-H${month <= 6 ? 1 : 2}`
    case 'QUARTER':
      return `${year}-Q${Math.ceil(month / 3)}`
    case 'MONTH':
      return `${year}-${String(month).padStart(2, '0')}`
  }
}

/** First month (1–12) of a period key of a unit. */
function startMonth(unit: Exclude<PeriodUnit, 'ALL'>, period: string): number {
  if (unit === 'YEAR') return 1
  const n = Number(period.slice(period.length - (unit === 'MONTH' ? 2 : 1)))
  return (n - 1) * MONTHS[unit] + 1
}

/** First and last day (inclusive) of a period key. */
export function periodBounds(unit: Exclude<PeriodUnit, 'ALL'>, period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4))
  const first = startMonth(unit, period)
  const last = first + MONTHS[unit] - 1
  return { from: iso(year, first, 1), to: iso(year, last, lastDay(year, last)) }
}

/**
 * The last `count` whole-or-current periods of a unit ending with the one `today` lies in, oldest first, and the
 * date range they cover (from the first day of the first to the last day of the last).
 */
export function recentPeriods(
  unit: Exclude<PeriodUnit, 'ALL'>,
  count: number,
  today: string,
): { periods: string[]; from: string; to: string } {
  const months = MONTHS[unit]
  const current = periodOf(unit, today)
  const year = Number(current.slice(0, 4))
  const index = year * 12 + startMonth(unit, current) - 1 // months since year 0 of the current period's start
  const periods: string[] = []
  for (let i = count - 1; i >= 0; i--) {
    const start = index - i * months
    periods.push(periodOf(unit, iso(Math.floor(start / 12), (start % 12) + 1, 1)))
  }
  return {
    periods,
    from: periodBounds(unit, periods[0]!).from,
    to: periodBounds(unit, current).to,
  }
}

// ---- codes as text ----

export const DIRECTION_LABELS: Record<string, string> = {
  HIGHER_BETTER: '越高越好',
  LOWER_BETTER: '越低越好',
  MONITOR: '监测',
}

export const UNIT_LABELS: Record<string, string> = {
  CASE: '例次',
  PATIENT: '患者',
  LESION: '病灶',
  DISCHARGE: '出院人次',
  DAY: '天',
  MINUTE: '分钟',
  TECHNOLOGY: '项',
}

export const ATTRIBUTION_LABELS: Record<string, string> = {
  OPERATION_DATE: '按手术日期',
  DISCHARGE_DATE: '按出院日期',
  HORIZON_DATE: '按随访期满日期',
}

const COMPARATORS: Record<string, string> = { GT: '>', GE: '≥', LT: '<', LE: '≤' }

/** An indicator's name as listed under its parent: sub-indicators indented with "└". */
export function indentedName(indicator: { name: string; parent?: string | null }): string {
  return indicator.parent ? `\u3000└ ${indicator.name}` : indicator.name
}

export function directionLabel(direction: string): string {
  return DIRECTION_LABELS[direction] ?? '监测'
}

/** The regulation's requirement as text, e.g. "> 80%（一（七）2）"; empty when there is none. */
export function thresholdLabel(indicator: Pick<IndicatorDefinition, 'kind' | 'unit' | 'threshold'>): string {
  const t = indicator.threshold
  if (!t) return ''
  const value = formatValue(Number(t.value), indicator)
  return `${COMPARATORS[t.comparator] ?? ''} ${value}${t.clause ? `（${t.clause}）` : ''}`
}

/** Whether a value meets a threshold (the engine sends this per cell; the charts colour by it). */
export function meets(
  threshold: Threshold | null | undefined,
  value: number | null | undefined,
): boolean | null {
  if (!threshold || value === null || value === undefined) return null
  const limit = Number(threshold.value)
  switch (threshold.comparator) {
    case 'GT':
      return value > limit
    case 'GE':
      return value >= limit
    case 'LT':
      return value < limit
    case 'LE':
      return value <= limit
    default:
      return null
  }
}

/** What the value is measured in: % for rates, the unit (天, 分钟, …) for averages. */
export function valueUnit(indicator: Pick<IndicatorDefinition, 'kind' | 'unit'>): string {
  if (indicator.kind === 'RATE') return '%'
  return UNIT_LABELS[indicator.unit] ?? ''
}

/** A value as shown: "12.50%", "3.25 天"; "—" when there is none (denominator 0). */
export function formatValue(
  value: number | string | null | undefined,
  indicator: Pick<IndicatorDefinition, 'kind' | 'unit'>,
): string {
  if (value === null || value === undefined || value === '') return '—'
  const n = Number(value)
  if (Number.isNaN(n)) return '—'
  const unit = valueUnit(indicator)
  return indicator.kind === 'RATE' ? `${n.toFixed(2)}%` : `${n.toFixed(2)}${unit ? ` ${unit}` : ''}`
}

/** A numerator or denominator as shown: integers without decimals, others with up to two. */
export function formatCount(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  const n = Number(value)
  if (Number.isNaN(n)) return '—'
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100)
}

// ---- cells ----

/** A cell with its value as a number (the API sends decimals). */
export function numeric(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null
  const n = Number(value)
  return Number.isNaN(n) ? null : n
}

/** The cells of one indicator, period and stratum (null = the unstratified cells). */
export function cellsOf(
  cells: IndicatorCell[],
  indicatorCode: string,
  period: string,
  stratum: string | null = null,
): IndicatorCell[] {
  return cells.filter(
    (c) => c.indicatorCode === indicatorCode && c.period === period && (c.stratum ?? null) === stratum,
  )
}

/** The strata present for an indicator, unstratified (null) first when present. */
export function strataOf(cells: IndicatorCell[], indicatorCode: string): (string | null)[] {
  const seen = new Set<string | null>()
  for (const c of cells) if (c.indicatorCode === indicatorCode) seen.add(c.stratum ?? null)
  const list = [...seen]
  return list.sort((a, b) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
}

export interface RankedCell {
  rank: number | null
  cell: IndicatorCell
  value: number | null
}

/**
 * The groups ranked best first: by value descending when higher is better or the indicator is only monitored,
 * ascending when lower is better. Equal values share a rank (1, 2, 2, 4); among them the larger denominator comes
 * first, then the name in Chinese order. Groups without a value (denominator 0) come last, unranked.
 */
export function rank(cells: IndicatorCell[], direction: string): RankedCell[] {
  const sign = direction === 'LOWER_BETTER' ? 1 : -1
  const rows = cells.map((cell) => ({ cell, value: numeric(cell.value) }))
  rows.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1
    } else if (a.value !== b.value) {
      return sign * (a.value - b.value)
    }
    const dens = Number(b.cell.denominator) - Number(a.cell.denominator)
    if (dens !== 0) return dens
    return a.cell.groupName.localeCompare(b.cell.groupName, 'zh-CN')
  })
  const ranked: RankedCell[] = []
  rows.forEach((row, i) => {
    let r: number | null = null
    if (row.value !== null) {
      const previous = ranked[i - 1]
      r = previous && previous.value === row.value ? previous.rank : i + 1
    }
    ranked.push({ rank: r, cell: row.cell, value: row.value })
  })
  return ranked
}

export interface Quartiles {
  min: number
  q1: number
  median: number
  q3: number
  max: number
  count: number
}

/**
 * Five-number summary of the values (nulls ignored), quartiles by linear interpolation between order statistics
 * (position (n − 1)·p, as Excel's QUARTILE.INC and R's default); null when there is no value.
 */
export function quartiles(values: (number | null | undefined)[]): Quartiles | null {
  const sorted = values.filter((v): v is number => v !== null && v !== undefined && !Number.isNaN(v))
  sorted.sort((a, b) => a - b)
  if (!sorted.length) return null
  const at = (p: number) => {
    const pos = (sorted.length - 1) * p
    const lo = Math.floor(pos)
    const hi = Math.ceil(pos)
    return round(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo))
  }
  return {
    min: sorted[0]!,
    q1: at(0.25),
    median: at(0.5),
    q3: at(0.75),
    max: sorted[sorted.length - 1]!,
    count: sorted.length,
  }
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000
}

/**
 * The top `n` groups of the ranking (those with a value), as group keys: the default lines of the trend chart.
 */
export function topGroups(ranked: RankedCell[], n: number): string[] {
  return ranked
    .filter((r) => r.rank !== null)
    .slice(0, n)
    .map((r) => r.cell.groupKey)
}

/** A series per group over the periods (null where the group has no cell or no value), for the trend lines. */
export function trendSeries(
  cells: IndicatorCell[],
  indicatorCode: string,
  periods: string[],
  groupKeys: string[],
  stratum: string | null = null,
): { groupKey: string; groupName: string; values: (number | null)[]; cells: (IndicatorCell | null)[] }[] {
  return groupKeys.map((key) => {
    const own = cells.filter(
      (c) => c.indicatorCode === indicatorCode && c.groupKey === key && (c.stratum ?? null) === stratum,
    )
    const byPeriod = new Map(own.map((c) => [c.period, c]))
    const row = periods.map((p) => byPeriod.get(p) ?? null)
    return {
      groupKey: key,
      groupName: own[0]?.groupName ?? key,
      values: row.map((c) => numeric(c?.value)),
      cells: row,
    }
  })
}

/**
 * The technology a hospital's dashboard opens on: the one with the most cases in the latest year the hospital
 * recorded volumes for (whole-technology figures, not per sub-technique), else the first it recorded a first case
 * for, else none (the dictionary's first set). A hospital that only does ablation should not open on an empty
 * seed-implantation chart.
 */
export function preferredTechnology(institution: {
  caseVolumes?:
    | {
        technology?: string | null
        subTechnique?: string | null
        year?: number | null
        cases?: number | null
      }[]
    | null
  firstCases?: Record<string, string> | null
}): string | null {
  // whole-technology figures summed per technology and year (a year may be recorded month by month)
  const totals = new Map<string, Map<number, number>>()
  for (const v of institution.caseVolumes ?? []) {
    if (!v.technology || v.subTechnique || v.year == null || !v.cases || v.cases <= 0) continue
    const years = totals.get(v.technology) ?? new Map<number, number>()
    years.set(v.year, (years.get(v.year) ?? 0) + v.cases)
    totals.set(v.technology, years)
  }
  const latest = Math.max(-Infinity, ...[...totals.values()].flatMap((years) => [...years.keys()]))
  const best = [...totals.entries()]
    .map(([technology, years]) => ({ technology, cases: years.get(latest) ?? 0 }))
    .filter((t) => t.cases > 0)
    .sort((a, b) => b.cases - a.cases || a.technology.localeCompare(b.technology))[0]
  if (best) return best.technology
  const first = Object.keys(institution.firstCases ?? {}).sort()[0]
  return first ?? null
}

/** Whether a trend has any value to draw (a chart of empty periods is replaced by an explanation). */
export function hasValues(lines: { values: (number | null)[] }[]): boolean {
  return lines.some((l) => l.values.some((v) => v !== null))
}

/**
 * What a link into an indicator page asks for (a supervision alert's 查看指标明细:
 * `?set=&indicator=&institutionId=&from=&to=`): only well-formed values, each optional.
 */
export function indicatorLink(query: Record<string, unknown>): {
  set?: string
  indicator?: string
  institutionId?: string
  from?: string
} {
  const text = (key: string, pattern: RegExp) => {
    const value = query[key]
    return typeof value === 'string' && pattern.test(value) ? value : undefined
  }
  return {
    set: text('set', /^[A-Za-z0-9._-]{1,40}$/),
    indicator: text('indicator', /^[A-Za-z0-9._-]{1,80}$/),
    institutionId: text('institutionId', /^[0-9a-fA-F-]{36}$/),
    from: text('from', /^\d{4}-\d{2}-\d{2}$/),
  }
}
