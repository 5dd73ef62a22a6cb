/**
 * When the user last did something on the page (a key, a click, a scroll, a touch).
 * Background polling asks this so that an open but unattended tab does not keep its
 * session alive: the server ends a session after 30 idle minutes (等保 2.0), and every
 * request counts as activity there.
 */
/**
 * Background polls stop once the user has been idle this long, so that an unattended
 * session ends within 35 minutes of the last action at most.
 */
export const BACKGROUND_POLL_IDLE_LIMIT_MS = 5 * 60_000

const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const

let last = Date.now()
let tracking = false

function touch() {
  last = Date.now()
}

/** Starts listening (once per page; harmless to call again). */
export function trackActivity(): void {
  if (tracking || typeof window === 'undefined') return
  tracking = true
  for (const event of EVENTS) {
    window.addEventListener(event, touch, { passive: true, capture: true })
  }
}

/** Milliseconds since the user's last action on the page. */
export function idleFor(now: number = Date.now()): number {
  return Math.max(0, now - last)
}

/** For tests: pretend the last action was at this moment. */
export function markActivity(at: number = Date.now()): void {
  last = at
}
