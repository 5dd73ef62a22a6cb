import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CurrentUser } from '@/api/types'
import { todayIso } from '@/app/dates'
import { setUser } from '@/features/auth/session'
import TraineeListPage from './TraineeListPage.vue'
import { plusDays } from './progress'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

const baseAdmin: CurrentUser = {
  id: 'u1',
  username: 'songjiang-base',
  displayName: '培训基地',
  role: 'TRAINING_BASE_ADMIN',
  institutionId: 'i1',
  personId: null,
  regionCode: null,
  roleLabel: '培训基地管理员',
  mustChangePassword: false,
}

const today = todayIso()
const file = (personName: string, endedOn: string, conclusion: 'PASSED' | null = null) => ({
  id: personName,
  personId: `p-${personName}`,
  personName,
  personInstitutionName: '吉林市江城医院',
  baseName: '吉林省松江肿瘤医院',
  technology: 'G08',
  startedOn: '2026-01-01',
  endedOn,
  conclusion,
  conclusionLabel: conclusion ? '合格' : '培训中',
})
const files = [
  file('期满甲', plusDays(today, -3)),
  file('将满乙', plusDays(today, 10)),
  file('在培丙', plusDays(today, 200)),
  file('结业丁', plusDays(today, -40), 'PASSED'),
]

async function mountAt(path: string) {
  setUser(baseAdmin)
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => json(String(url).startsWith('/api/trainees') ? files : [])),
  )
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/trainees', component: TraineeListPage },
      { path: '/trainees/:id', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  const wrapper = mount(TraineeListPage, { global: { plugins: [ElementPlus, router] } })
  await flushPromises()
  return wrapper
}

describe('TraineeListPage', { timeout: 30_000 }, () => {
  it('lists every file and marks an open one whose period ended as 期满待结业', async () => {
    const wrapper = await mountAt('/trainees')
    const table = wrapper.get('[data-testid="trainee-files"]').text()
    for (const name of ['期满甲', '将满乙', '在培丙', '结业丁']) expect(table).toContain(name)
    expect(wrapper.findAll('[data-testid="trainee-period-ended"]')).toHaveLength(1)
    const rows = wrapper.findAll('[data-testid="trainee-files"] tbody tr').map((r) => r.text())
    expect(rows.find((r) => r.includes('在培丙'))).toContain('培训中')
    expect(wrapper.text()).toContain('共 4 份')
    wrapper.unmount()
  })

  it('opens on the progress the workbench links to', async () => {
    const ended = await mountAt('/trainees?progress=PERIOD_ENDED')
    expect(ended.get('[data-testid="trainee-files"]').text()).toContain('期满甲')
    expect(ended.get('[data-testid="trainee-files"]').text()).not.toContain('将满乙')
    expect(ended.text()).toContain('共 1 份')
    ended.unmount()

    const soon = await mountAt('/trainees?progress=ENDING_SOON')
    const text = soon.get('[data-testid="trainee-files"]').text()
    expect(text).toContain('将满乙')
    expect(text).not.toContain('在培丙')
    expect(text).not.toContain('期满甲')
    soon.unmount()

    const open = await mountAt('/trainees?progress=OPEN')
    expect(open.text()).toContain('共 3 份')
    expect(open.get('[data-testid="trainee-files"]').text()).not.toContain('结业丁')
    open.unmount()
  })

  it('ignores an unknown progress in the address', async () => {
    const wrapper = await mountAt('/trainees?progress=nonsense')
    expect(wrapper.text()).toContain('共 4 份')
    wrapper.unmount()
  })
})
