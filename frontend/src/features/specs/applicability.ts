/*
 * Until when an edition applies: its own end date, else the day before the edition that takes over in its jurisdiction
 * (the server names it: supersededBy / supersededOn), else no end.
 */

export interface EditionDates {
  effectiveUntil?: string | null
  supersededBy?: string | null
  supersededOn?: string | null
}

/** The day before an ISO date. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

/** "2022-04-19", "2022-12-31（由 G08-2023 取代）", or `open` when the edition has no end. */
export function lastApplicableDay(spec: EditionDates, open = '—'): string {
  if (spec.effectiveUntil) return spec.effectiveUntil
  if (spec.supersededOn) {
    return `${dayBefore(spec.supersededOn)}（由 ${spec.supersededBy ?? '新版本'} 取代）`
  }
  return open
}
