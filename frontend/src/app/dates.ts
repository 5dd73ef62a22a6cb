const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Today's date as yyyy-MM-dd in the browser's time zone. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** True for a real calendar date written yyyy-MM-dd. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  )
}

/** For el-date-picker's disabled-date: no future dates. */
export function isFutureDay(date: Date): boolean {
  return todayIso(date) > todayIso()
}

/** Validity of a licence as of today: 有效 / 即将到期 (≤ 90 days) / 已过期 / 未生效. */
export function validity(
  validFrom: string | null | undefined,
  validUntil: string | null | undefined,
  today: string = todayIso(),
): { label: string; type: 'success' | 'warning' | 'danger' | 'info' } {
  if (validFrom && validFrom > today) return { label: '未生效', type: 'info' }
  if (!validUntil) return { label: validFrom ? '长期有效' : '未填写', type: validFrom ? 'success' : 'info' }
  if (validUntil < today) return { label: '已过期', type: 'danger' }
  const soon = new Date(today + 'T00:00:00Z')
  soon.setUTCDate(soon.getUTCDate() + 90)
  if (validUntil <= soon.toISOString().slice(0, 10)) return { label: '即将到期', type: 'warning' }
  return { label: '有效', type: 'success' }
}
