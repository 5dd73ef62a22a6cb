import type { InstitutionCaseVolume } from '@/api/types'

/** One line of the read view's volume table: a technology (and sub-technique) with a cell per year. */
export interface VolumeLine {
  technology: string
  subTechnique: string | null
  /** Per year: the whole-year count, or the sum of the monthly rows with the months they cover. */
  cells: Record<number, { cases: number; months: number[] }>
}

/**
 * Pivots case-volume rows (one per year, or per month for rolling windows) into one line per technology and
 * sub-technique with a column per year: the demo's biggest hospital has 52 rows, shown as 6 lines.
 */
export function volumeMatrix(rows: InstitutionCaseVolume[] | null | undefined): {
  years: number[]
  lines: VolumeLine[]
} {
  const lines = new Map<string, VolumeLine>()
  const years = new Set<number>()
  for (const r of rows ?? []) {
    if (r.year === null || r.year === undefined) continue
    const key = `${r.technology}/${r.subTechnique ?? ''}`
    let line = lines.get(key)
    if (!line) {
      line = { technology: r.technology ?? '', subTechnique: r.subTechnique ?? null, cells: {} }
      lines.set(key, line)
    }
    years.add(r.year)
    const cell = (line.cells[r.year] ??= { cases: 0, months: [] })
    cell.cases += r.cases ?? 0
    if (r.month) cell.months.push(r.month)
  }
  for (const line of lines.values())
    for (const cell of Object.values(line.cells)) cell.months.sort((a, b) => a - b)
  return {
    years: [...years].sort((a, b) => a - b),
    lines: [...lines.values()].sort(
      (a, b) =>
        a.technology.localeCompare(b.technology) ||
        (a.subTechnique ?? '').localeCompare(b.subTechnique ?? ''),
    ),
  }
}

/** "1–10 月" for consecutive months, "1、3 月" otherwise; empty for a whole-year count. */
export function monthsLabel(months: number[]): string {
  if (!months.length) return ''
  const consecutive = months.every((m, i) => i === 0 || m === (months[i - 1] ?? 0) + 1)
  return consecutive && months.length > 1
    ? `${months[0]}–${months[months.length - 1]} 月`
    : `${months.join('、')} 月`
}
