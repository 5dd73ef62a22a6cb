const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The platform's time zone: "today" is the date in China, wherever the browser is. */
export const PLATFORM_ZONE = 'Asia/Shanghai'

const platformDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: PLATFORM_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

const platformDateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: PLATFORM_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/**
 * An instant as date and time in China, minutes precision ("2026-11-30T20:05:00Z" → "2026-12-01 04:05"), whatever the
 * browser's time zone: the same zone as "today" and as every date the platform shows. `null` for a missing or
 * unreadable instant (callers choose what to show then).
 */
export function formatDateTime(instant: string | null | undefined): string | null {
  if (!instant) return null
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return null
  const part = Object.fromEntries(platformDateTime.formatToParts(date).map((p) => [p.type, p.value]))
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`
}

/** Milliseconds to add to the browser's clock to get the server's (set by syncServerClock). */
let serverOffsetMs = 0

/**
 * Aligns "now" with the server's clock (GET /api/public/clock), so dates, validity and
 * year defaults follow the platform, not the user's machine. Keeps the browser's clock when
 * the server cannot be asked.
 */
export async function syncServerClock(fetcher: typeof fetch = fetch): Promise<void> {
  try {
    const response = await fetcher('/api/public/clock', { headers: { Accept: 'application/json' } })
    if (!response.ok) return
    const body = (await response.json()) as { now?: string }
    const server = body.now ? Date.parse(body.now) : NaN
    if (!Number.isNaN(server)) serverOffsetMs = server - Date.now()
  } catch {
    // offline or not served by the platform (unit tests): keep the browser's clock
  }
}

/** The current moment by the server's clock. */
export function serverNow(): Date {
  return new Date(Date.now() + serverOffsetMs)
}

/** Today's date (yyyy-MM-dd) in China at the given moment, by default the server's now. */
export function todayIso(now: Date = serverNow()): string {
  return platformDate.format(now)
}

/** The current year in China by the server's clock. */
export function currentYear(): number {
  return Number(todayIso().slice(0, 4))
}

/** A calendar date picked in the browser (local fields), as yyyy-MM-dd. */
export function localIso(date: Date): string {
  const y = date.getFullYear()
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
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

/** For el-date-picker's disabled-date: no day after today (the server's today in China). */
export function isFutureDay(date: Date): boolean {
  return localIso(date) > todayIso()
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
