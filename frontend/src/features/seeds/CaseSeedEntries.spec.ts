import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { UserRole } from '@/api/types'
import { setUser } from '@/features/auth/session'
import CaseSeedEntries from './CaseSeedEntries.vue'
import { testUser } from '@/features/auth/testing'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

const entry = {
  id: 'e1',
  seq: 1,
  lotId: 'lot-1',
  lotNo: 'I125-2026-01',
  isotope: 'I-125',
  kind: 'IMPLANTED',
  kindLabel: '植入',
  quantity: 40,
  sign: 1,
  linked: true,
  actorName: '松江医务科',
  occurredAt: '2026-11-20T02:00:00Z',
}

async function mountAs(role: UserRole) {
  setUser(testUser(role, { institutionId: 'i1', personId: role === 'PHYSICIAN' ? 'p1' : null }))
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => json([entry])),
  )
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }],
  })
  const wrapper = mount(CaseSeedEntries, {
    props: { caseId: 'c1' },
    global: { plugins: [ElementPlus, router] },
  })
  await flushPromises()
  return wrapper
}

afterEach(() => vi.unstubAllGlobals())

describe('CaseSeedEntries', { timeout: 30_000 }, () => {
  it("links the lot for the hospital's clerk, shows it as text to the operating physician (who may not open lots)", async () => {
    const clerk = await mountAs('HOSPITAL_CLERK')
    const link = clerk.get('[data-testid="case-seed-lot"]')
    expect(link.element.tagName).toBe('A')
    expect(link.attributes('href')).toBe('/seeds/lots/lot-1')
    clerk.unmount()

    const physician = await mountAs('PHYSICIAN')
    const text = physician.get('[data-testid="case-seed-lot"]')
    expect(text.element.tagName).toBe('SPAN')
    expect(text.text()).toBe('I125-2026-01')
    physician.unmount()
  })
})
