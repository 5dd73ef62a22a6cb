import { afterEach, describe, expect, it } from 'vitest'
import { currentYear, formatDateTime, isFutureDay, localIso, syncServerClock, todayIso } from './dates'

function serverAt(now: string): typeof fetch {
  return (async () => new Response(JSON.stringify({ now, today: now.slice(0, 10) }))) as typeof fetch
}

describe('server clock', () => {
  afterEach(async () => {
    await syncServerClock(serverAt(new Date().toISOString()))
  })

  it('takes today from the server, not the browser', async () => {
    await syncServerClock(serverAt('2030-06-15T10:00:00+08:00'))
    expect(todayIso()).toBe('2030-06-15')
    expect(currentYear()).toBe(2030)
  })

  it('counts the day in China even when the browser is elsewhere', () => {
    // 2027-12-31 20:00 UTC is already 2028-01-01 in Beijing
    expect(todayIso(new Date('2027-12-31T20:00:00Z'))).toBe('2028-01-01')
  })

  it('refuses picked days after the server today', async () => {
    await syncServerClock(serverAt('2028-02-29T10:00:00+08:00'))
    expect(isFutureDay(new Date(2028, 1, 29))).toBe(false)
    expect(isFutureDay(new Date(2028, 2, 1))).toBe(true)
    expect(localIso(new Date(2028, 1, 29))).toBe('2028-02-29')
  })

  it('keeps the browser clock when the server cannot be asked', async () => {
    await syncServerClock(serverAt('2030-06-15T10:00:00+08:00'))
    await syncServerClock((async () => {
      throw new Error('offline')
    }) as typeof fetch)
    expect(todayIso()).toBe('2030-06-15')
  })
})

describe('formatDateTime', () => {
  it("shows an instant in China's time zone, whatever the browser's", () => {
    // 20:05 UTC is already the next day in China
    expect(formatDateTime('2026-11-30T20:05:00Z')).toBe('2026-12-01 04:05')
    expect(formatDateTime('2026-11-30T08:05:59.999+00:00')).toBe('2026-11-30 16:05')
    expect(formatDateTime('2027-01-01T00:00:00+08:00')).toBe('2027-01-01 00:00')
  })

  it('gives null for a missing or unreadable instant', () => {
    expect(formatDateTime(null)).toBeNull()
    expect(formatDateTime('')).toBeNull()
    expect(formatDateTime('昨天')).toBeNull()
  })
})
