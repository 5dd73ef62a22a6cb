import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setUser } from '@/features/auth/session'
import { testUser } from '@/features/auth/testing'
import RemindersPage from './RemindersPage.vue'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

async function mountAt(path: string) {
  setUser(testUser('HOSPITAL_CLERK', { institutionId: 'i1' }))
  const fetchMock = vi.fn(async (url: string) =>
    json({ asOf: '2026-11-22', days: 0, total: 0, buckets: [], url }),
  )
  vi.stubGlobal('fetch', fetchMock)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/reminders', component: {} }],
  })
  await router.push(path)
  const wrapper = mount(RemindersPage, { global: { plugins: [ElementPlus, router] } })
  await flushPromises()
  return { wrapper, fetchMock, router }
}

afterEach(() => vi.unstubAllGlobals())

describe('RemindersPage (到期提醒)', { timeout: 30_000 }, () => {
  it("opens on the workbench card's window, also one not among the usual choices", async () => {
    const { wrapper, fetchMock, router } = await mountAt('/reminders?days=45')
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/reminders?days=45')
    expect(router.currentRoute.value.query).toEqual({ days: '45' })
    wrapper.unmount()
  })

  it('falls back to 90 days for a missing or unreasonable window', async () => {
    for (const path of ['/reminders', '/reminders?days=abc', '/reminders?days=0', '/reminders?days=99999']) {
      const { wrapper, fetchMock } = await mountAt(path)
      expect(String(fetchMock.mock.calls[0][0]), path).toBe('/api/reminders?days=90')
      wrapper.unmount()
    }
  })
})
