import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CurrentUser, UserRole } from '@/api/types'
import { setUser } from '@/features/auth/session'
import PersonListPage from './PersonListPage.vue'
import { testUser } from '@/features/auth/testing'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

const user = (role: UserRole, institutionId: string | null) => testUser(role, { institutionId })

async function mountAs(who: CurrentUser) {
  setUser(who)
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      json(String(url).startsWith('/api/people') ? { items: [], total: 0, page: 0, size: 20 } : []),
    ),
  )
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/people', component: PersonListPage }],
  })
  await router.push('/people')
  const wrapper = mount(PersonListPage, { global: { plugins: [ElementPlus, router] } })
  await flushPromises()
  return wrapper
}

describe('PersonListPage', { timeout: 30_000 }, () => {
  it('offers 新增人员 to the hospital clerk, not to a training-base administrator or an authority', async () => {
    const clerk = await mountAs(user('HOSPITAL_CLERK', 'i1'))
    expect(clerk.find('[data-testid="person-new"]').exists()).toBe(true)
    clerk.unmount()
    for (const who of [user('TRAINING_BASE_ADMIN', 'i1'), user('CITY_AUTHORITY', null)]) {
      const wrapper = await mountAs(who)
      expect(wrapper.find('[data-testid="person-new"]').exists()).toBe(false)
      expect(wrapper.find('[data-testid="person-export"]').exists()).toBe(true)
      wrapper.unmount()
    }
  })
})
