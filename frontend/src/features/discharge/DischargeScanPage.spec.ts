import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { syncServerClock } from '@/app/dates'
import { setUser } from '@/features/auth/session'
import { testUser } from '@/features/auth/testing'
import DischargeScanPage from './DischargeScanPage.vue'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

afterEach(async () => {
  // back to the browser's clock for the other specs
  await syncServerClock(async () => json({ now: new Date().toISOString() }))
  vi.unstubAllGlobals()
})

describe('DischargeScanPage', { timeout: 30_000 }, () => {
  it("asks for the year up to the platform's today, not the browser's", async () => {
    // the server's clock is pinned years away from the machine running the browser
    await syncServerClock(async () => json({ now: '2031-03-15T18:30:00Z' })) // 16 March in China
    setUser({
      id: 'u1',
      username: 'songjiang-clerk',
      displayName: '医务科',
      role: 'HOSPITAL_CLERK',
      institutionId: 'inst-1',
      personId: null,
      regionCode: null,
      roleLabel: '角色',
      mustChangePassword: false,
    })
    const fetchMock = vi.fn(async () =>
      json({ from: '2030-03-17', to: '2031-03-16', matchingRule: '', categories: {}, hospitals: [] }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: {} }] })
    const wrapper = mount(DischargeScanPage, { global: { plugins: [ElementPlus, router] } })
    await flushPromises()
    const url = String((fetchMock.mock.calls[0] as unknown[])[0])
    expect(url).toContain('/api/discharge-scan')
    expect(url).toContain('from=2030-03-17')
    expect(url).toContain('to=2031-03-16')
    wrapper.unmount()
  })

  it("opens a supervision alert's link on its window and on the hospital's cases of its category", async () => {
    setUser(testUser('CITY_AUTHORITY', { regionCode: '220100' }))
    const hospital = {
      institutionId: 'i7',
      institutionName: '吉林省松江肿瘤医院',
      restricted: 12,
      reported: 9,
      reportingRate: 0.75,
      counts: { UNFILED: 3 },
      technologies: [],
    }
    const fetchMock = vi.fn(async (url: string) =>
      url.startsWith('/api/discharge-scan/items')
        ? json({ items: [], total: 3 })
        : json({
            from: '2025-11-23',
            to: '2026-11-22',
            matchingRule: '',
            categories: { UNFILED: '未备案开展' },
            hospitals: [hospital],
          }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/discharge-scan', component: {} }],
    })
    await router.push('/discharge-scan?institutionId=i7&category=UNFILED&from=2025-11-23&to=2026-11-22')
    const wrapper = mount(DischargeScanPage, {
      global: { plugins: [ElementPlus, router] },
      attachTo: document.body,
    })
    await flushPromises()
    const urls = fetchMock.mock.calls.map((c) => String(c[0]))
    expect(urls[0]).toBe('/api/discharge-scan?from=2025-11-23&to=2026-11-22')
    expect(urls[1]).toContain('/api/discharge-scan/items?')
    expect(urls[1]).toContain('institutionId=i7')
    expect(urls[1]).toContain('category=UNFILED')
    expect(urls[1]).toContain('from=2025-11-23')
    expect(document.body.textContent).toContain('吉林省松江肿瘤医院 · 未备案开展（3）')
    wrapper.unmount()
    document.body.innerHTML = ''
  })
})
