import { http } from '@/api/http'

/*
 * The indicator API of module cn.rtms.indicators (docs/indicators.md): the dictionary, computed cells and the cases
 * behind a number. The server scopes every call to the session (hospital: own institution; authority: its region).
 */

import type { components } from '@/api/generated/openapi'

type Schemas = components['schemas']

export type PeriodUnit = Schemas['IndicatorQuery']['period']
export type Grouping = Schemas['IndicatorQuery']['grouping']
export type DrillPart = 'NUMERATOR' | 'DENOMINATOR'

export type Threshold = Schemas['Threshold']
/** One indicator of a set, as the dictionary defines it (codes for unit, kind, attribution, direction). */
export type IndicatorDefinition = Schemas['IndicatorView']
export type IndicatorSet = Schemas['IndicatorSetView']
export type IndicatorCell = Schemas['IndicatorCell']
export type IndicatorResults = Schemas['IndicatorResults']
export type IndicatorCaseRow = Schemas['IndicatorCaseRow']
export type IndicatorCasePage = Schemas['IndicatorCasePage']

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
  /** Submitted cases per technology in the user's scope over the last year, most first (the page's default set). */
  recentVolumes: () =>
    http.get<{ technology: string; cases: number }[]>('/api/cases/recent-volumes', { silent: true }),
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
