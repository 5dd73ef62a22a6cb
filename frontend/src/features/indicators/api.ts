import { http } from '@/api/http'

/*
 * The indicator API of module cn.rtms.indicators (docs/indicators.md): the dictionary, computed cells and the cases
 * behind a number. The server scopes every call to the session (hospital: own institution; authority: its region).
 */

export type PeriodUnit = 'ALL' | 'YEAR' | 'HALF_YEAR' | 'QUARTER' | 'MONTH'
export type Grouping = 'NONE' | 'INSTITUTION' | 'OPERATOR' | 'DEPARTMENT' | 'REGION'
export type DrillPart = 'NUMERATOR' | 'DENOMINATOR'

export interface Threshold {
  comparator: string
  value: number | string
  clause: string
}

/** One indicator of a set, as the dictionary defines it. */
export interface IndicatorDefinition {
  code: string
  name: string
  definition: string
  unit: string
  kind: string
  attribution: string
  direction: string
  threshold?: Threshold | null
  parent?: string | null
  stratifiers: string[]
  clause: string
  notes: string[]
}

export interface IndicatorSet {
  key: string
  technology?: string | null
  edition: string
  title: string
  source: string
  indicators: IndicatorDefinition[]
  notes: string[]
}

export interface IndicatorCell {
  indicatorCode: string
  groupKey: string
  groupName: string
  period: string
  stratum?: string | null
  numerator: number | string
  denominator: number | string
  value?: number | string | null
  meetsThreshold?: boolean | null
}

export interface IndicatorResults {
  asOf: string
  cells: IndicatorCell[]
}

export interface IndicatorCaseRow {
  caseId: string
  institutionId: string
  institutionName: string
  medicalRecordNo: string
  patientPseudonym: string
  operationDate: string
  dischargeDate?: string | null
  operatorName?: string | null
  department?: string | null
  contribution: number | string
}

export interface IndicatorCasePage {
  rows: IndicatorCaseRow[]
  total: number
  page: number
  size: number
}

/** The filters of a results query; the same filters select the cases of a drill-down. */
export interface ResultsQuery {
  set: string
  groupBy: Grouping
  period: PeriodUnit
  from: string
  to: string
  institutionId?: string | null
  regionCode?: string | null
  operatorId?: string | null
}

export interface CasesQuery extends ResultsQuery {
  indicator: string
  part: DrillPart
  groupKey: string
  /** The period key of the cell ("2026-Q3", "ALL"). */
  cellPeriod: string
  stratum?: string | null
  page: number
  size: number
}

function resultParams(q: ResultsQuery) {
  return {
    set: q.set,
    groupBy: q.groupBy,
    period: q.period,
    from: q.from,
    to: q.to,
    institutionId: q.institutionId,
    regionCode: q.regionCode,
    operatorId: q.operatorId,
  }
}

export const indicatorApi = {
  sets: () => http.get<IndicatorSet[]>('/api/indicators/sets'),
  set: (key: string) => http.get<IndicatorSet>(`/api/indicators/sets/${encodeURIComponent(key)}`),
  /** `silent`: the caller handles a refusal (the hospital's request for the region's values). */
  results: (q: ResultsQuery, silent = false) =>
    http.get<IndicatorResults>('/api/indicators/results', { query: resultParams(q), silent }),
  /** The cases behind a numerator or denominator: `period` is the unit of the query, `cellPeriod` the cell's key. */
  cases: (q: CasesQuery) =>
    http.get<IndicatorCasePage>('/api/indicators/cases', {
      silent: true,
      query: {
        ...resultParams(q),
        indicator: q.indicator,
        part: q.part,
        groupKey: q.groupKey,
        cellPeriod: q.cellPeriod,
        stratum: q.stratum,
        page: q.page,
        size: q.size,
      },
    }),
}
