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

function item(kind: string, kindLabel: string, subjectName: string) {
  return {
    kind,
    kindLabel,
    subjectType: kind === 'AUTHORIZATION' ? 'PERSON' : 'INSTITUTION',
    subjectId: subjectName,
    subjectName,
    institutionId: 'i1',
    institutionName: '吉林省松江肿瘤医院',
    what: kindLabel,
    expiresOn: '2026-12-20',
    daysLeft: 28,
  }
}

async function mountAt(path: string) {
  setUser(testUser('HOSPITAL_CLERK', { institutionId: 'i1' }))
  const buckets = [
    {
      bucket: 30,
      label: '30 天内',
      items: [
        item('AUTHORIZATION', '手术授权', '高志远'),
        item('RADIATION_LICENCE', '辐射安全许可证', '松江'),
      ],
    },
  ]
  const fetchMock = vi.fn<(url: string) => Promise<Response>>(async () =>
    json({ asOf: '2026-11-22', days: 90, total: 2, buckets }),
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

  it('shows only the kind the workbench card counted, and every kind on request', async () => {
    const { wrapper, router } = await mountAt('/reminders?days=90&kind=AUTHORIZATION')
    expect(wrapper.text()).toContain('高志远')
    expect(wrapper.text()).not.toContain('辐射安全许可证')
    expect(wrapper.text()).toContain('90 天内到期手术授权共 1 项')
    expect(router.currentRoute.value.query).toEqual({ days: '90', kind: 'AUTHORIZATION' })
    wrapper.unmount()
    const licences = await mountAt('/reminders?days=90&kind=LICENCES')
    expect(licences.wrapper.text()).toContain('辐射安全许可证')
    expect(licences.wrapper.text()).not.toContain('高志远')
    licences.wrapper.unmount()
    const all = await mountAt('/reminders?days=90&kind=nonsense')
    expect(all.wrapper.text()).toContain('共 2 项')
    expect(all.router.currentRoute.value.query).toEqual({ days: '90' })
    all.wrapper.unmount()
  })

  it('falls back to 90 days for a missing or unreasonable window', async () => {
    for (const path of ['/reminders', '/reminders?days=abc', '/reminders?days=0', '/reminders?days=99999']) {
      const { wrapper, fetchMock } = await mountAt(path)
      expect(String(fetchMock.mock.calls[0][0]), path).toBe('/api/reminders?days=90')
      wrapper.unmount()
    }
  })
})
