import type { FilingState, FilingSummary, Technology } from '@/api/types'

/**
 * States of a filing that is with the authorities or back with the hospital for a supplement: submitted, not yet in
 * force, not ended. A case in such a period may be flagged 备案办理中 rather than 未备案开展 (the server decides, by the
 * declared first case and whether the filing was submitted in time).
 */
const PENDING: ReadonlySet<FilingState> = new Set<FilingState>([
  'SUBMITTED',
  'RECEIVED',
  'ESCALATED',
  'UNDER_EXPERT_REVIEW',
  'APPROVED',
  'RESULT_NOTIFIED',
  'RETURNED_FOR_SUPPLEMENT',
])

/** A catalogue technology as the hospital's filings stand today. */
export interface TechnologyStanding {
  code: string
  name: string
  /** A filing of it is in force (ACTIVE). */
  active: boolean
  /** Not in force, but a filing of it is under way. */
  pending: boolean
}

export interface StandingGroup {
  key: 'active' | 'other'
  label: string
  technologies: TechnologyStanding[]
}

/** The technologies the filings hold in force today, each once, sorted. */
export function activeTechnologies(filings: FilingSummary[]): string[] {
  return [...new Set(filings.filter((f) => f.state === 'ACTIVE').map((f) => f.technology))].sort()
}

/**
 * The catalogue in two groups for choosing a case's technology: those the hospital's filings hold in force first, then
 * the others (a case of those is still registered: unfiled practice has to be reported, and the server flags it).
 */
export function filingStanding(
  technologies: Technology[],
  filings: FilingSummary[] | null,
): { groups: StandingGroup[]; byCode: Map<string, TechnologyStanding> } {
  const active = new Set(activeTechnologies(filings ?? []))
  const pending = new Set((filings ?? []).filter((f) => PENDING.has(f.state)).map((f) => f.technology))
  const all = technologies.map((t) => ({
    code: t.code,
    name: t.name,
    active: active.has(t.code),
    pending: !active.has(t.code) && pending.has(t.code),
  }))
  const groups: StandingGroup[] = [
    { key: 'active' as const, label: '本院备案有效', technologies: all.filter((t) => t.active) },
    { key: 'other' as const, label: '本院无有效备案', technologies: all.filter((t) => !t.active) },
  ].filter((g) => g.technologies.length > 0)
  return { groups, byCode: new Map(all.map((t) => [t.code, t])) }
}
