import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setUser } from '@/features/auth/session'
import { testUser } from '@/features/auth/testing'
import FollowUpsPage from './FollowUpsPage.vue'
import type { FollowUp } from './api'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function row(id: string, medicalRecordNo: string | null): FollowUp {
  return {
    id,
    version: 0,
    caseId: `case-${id}`,
    institutionId: 'i1',
    institutionName: '吉林省松江肿瘤医院',
    technology: 'G08',
    medicalRecordNo,
    patientPseudonym: 'P0123456789AB',
    operationDate: '2026-05-20',
    label: '术后6个月',
    period: 'P6M',
    dueDate: '2026-11-20',
    status: 'OVERDUE',
    statusLabel: '已逾期',
    performedOn: null,
    method: null,
    vitalStatus: null,
    deathDate: null,
    diseaseStatus: null,
    note: null,
    cancelReason: null,
    overdueDays: 12,
  }
}

const requests: string[] = []

/** Stubs fetch: every request's URL is recorded, then answered by `answer`. */
function serve(answer: (url: string) => Promise<Response> | Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      requests.push(url)
      return answer(url)
    }),
  )
}

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/follow-ups', component: FollowUpsPage }],
  })
  await router.push(path)
  const wrapper = mount(FollowUpsPage, {
    global: { plugins: [ElementPlus, router] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, router }
}

function page(items: FollowUp[]) {
  return json({ items, total: items.length, due: 3, overdue: 5, done: 7 })
}

afterEach(() => {
  vi.unstubAllGlobals()
  requests.length = 0
  document.body.innerHTML = ''
})

describe('FollowUpsPage (病例随访)', () => {
  it("offers the own patients' full phone, fetched (and audited) only on request", async () => {
    serve(async (url) => {
      if (url.startsWith('/api/follow-ups'))
        return json({
          items: [row('a', 'SJ2600001'), row('b', null)],
          total: 2,
          due: 0,
          overdue: 2,
          done: 0,
        })
      if (url === '/api/cases/case-a/patient-contact')
        return json({ medicalRecordNo: 'SJ2600001', name: '张三丰', phone: '13812345678' })
      if (url === '/api/technologies') return json([])
      return json({}, 404)
    })
    setUser({
      id: 'u',
      username: 'songjiang-clerk',
      displayName: '松江医务科',
      role: 'HOSPITAL_CLERK',
      roleLabel: '医务科',
      institutionId: 'i1',
      institutionName: '吉林省松江肿瘤医院',
      mustChangePassword: false,
    })
    const { wrapper } = await mountAt('/follow-ups')
    expect(wrapper.find('[data-testid="contact-a"]').exists()).toBe(true)
    // the overdue list says for how long (the server's count by the platform's clock)
    expect(wrapper.get('[data-testid="follow-up-table"]').text()).toContain('12 天')
    // a row without the 病案号 is not the viewer's patient: no phone
    expect(wrapper.find('[data-testid="contact-b"]').exists()).toBe(false)
    expect(requests.some((r) => r.includes('patient-contact'))).toBe(false)

    await wrapper.get('[data-testid="contact-a"]').trigger('click')
    await flushPromises()
    expect(requests).toContain('/api/cases/case-a/patient-contact')
    expect(document.body.textContent).toContain('张三丰（病案号 SJ2600001）：13812345678')
    expect(document.body.textContent).toContain('本次查看已记入审计日志')
    wrapper.unmount()
  })

  it("opens on the link's list and hospital (workbench card, supervision alert) and keeps them in the address", async () => {
    serve(async (url) => {
      if (url.startsWith('/api/follow-ups')) return page([row('a', null)])
      if (url.startsWith('/api/institutions')) return json([{ id: 'i9', name: '梅河口市梅源医院' }])
      return json([])
    })
    setUser(testUser('CITY_AUTHORITY', { regionCode: '220500' }))
    const { wrapper, router } = await mountAt('/follow-ups?status=DUE&institutionId=i9')
    expect(requests.find((r) => r.startsWith('/api/follow-ups'))).toBe(
      '/api/follow-ups?status=DUE&page=0&size=50&institutionId=i9',
    )
    expect(wrapper.get('[data-testid="follow-up-tabs"] .el-tabs__item.is-active').text()).toBe('待随访（3）')
    expect(wrapper.find('[data-testid="follow-up-institution"]').exists()).toBe(true)

    await wrapper.findAll('[data-testid="follow-up-tabs"] .el-tabs__item')[0].trigger('click')
    await flushPromises()
    expect(requests.at(-1)).toBe('/api/follow-ups?status=OVERDUE&page=0&size=50&institutionId=i9')
    expect(router.currentRoute.value.query).toEqual({ status: 'OVERDUE', institutionId: 'i9' })
    wrapper.unmount()
  })

  it('shows the list of the tab chosen last even when an earlier answer arrives later', async () => {
    let releaseOverdue: () => void = () => {}
    const overdueHeld = new Promise<void>((resolve) => (releaseOverdue = resolve))
    serve(async (url) => {
      if (url.startsWith('/api/follow-ups?status=OVERDUE')) {
        // the page opens on 待随访; the 已逾期 answer is held back
        await overdueHeld
        return page([row('late-overdue', 'OLD-1')])
      }
      if (url.startsWith('/api/follow-ups?status=DUE')) return page([row('due', 'NEW-1')])
      return json([])
    })
    setUser(testUser('HOSPITAL_CLERK', { institutionId: 'i1' }))
    const { wrapper } = await mountAt('/follow-ups?status=DUE')
    const tabs = () => wrapper.findAll('[data-testid="follow-up-tabs"] .el-tabs__item')
    await tabs()[0].trigger('click') // 已逾期: its answer is slow
    await tabs()[1].trigger('click') // then 待随访: answered at once
    await flushPromises()
    releaseOverdue()
    await flushPromises()
    const table = wrapper.get('[data-testid="follow-up-table"]').text()
    expect(table).toContain('NEW-1')
    expect(table).not.toContain('OLD-1')
    wrapper.unmount()
  })

  it('gives a hospital its own lists without a hospital to choose', async () => {
    serve(async (url) => {
      return url.startsWith('/api/follow-ups') ? page([]) : json([])
    })
    setUser(testUser('HOSPITAL_CLERK', { institutionId: 'i1' }))
    const { wrapper } = await mountAt('/follow-ups?status=nonsense')
    expect(requests.find((r) => r.startsWith('/api/follow-ups'))).toBe(
      '/api/follow-ups?status=OVERDUE&page=0&size=50',
    )
    expect(wrapper.find('[data-testid="follow-up-institution"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('finds the points of a case by the beginning of its 病案号 or 住院号, kept in the address, never an ID number', async () => {
    serve(async (url) => {
      return url.startsWith('/api/follow-ups') ? page([]) : json([])
    })
    setUser(testUser('HOSPITAL_CLERK', { institutionId: 'i1' }))
    const { wrapper, router } = await mountAt('/follow-ups?status=DUE&q=SJ26')
    expect(requests.at(-1)).toBe('/api/follow-ups?status=DUE&page=0&size=50&q=SJ26')
    expect(wrapper.get('[data-testid="follow-up-table"]').text()).toContain(
      '没有病案号或住院号以“SJ26”开头的随访',
    )

    await wrapper.get('input[data-testid="follow-up-q"]').setValue(' ZY0042 ')
    await wrapper.get('form.toolbar').trigger('submit')
    await flushPromises()
    expect(requests.at(-1)).toBe('/api/follow-ups?status=DUE&page=0&size=50&q=ZY0042')
    expect(router.currentRoute.value.query).toEqual({ status: 'DUE', q: 'ZY0042' })

    const sent = requests.length
    await wrapper.get('input[data-testid="follow-up-q"]').setValue('22010219800101001x')
    await wrapper.get('form.toolbar').trigger('submit')
    await flushPromises()
    expect(requests.length).toBe(sent)
    expect(router.currentRoute.value.query.q).toBe('ZY0042')
    expect(document.body.textContent).toContain('按身份证号请在“病例登记”中检索病例')
    wrapper.unmount()
  })

  it('exports the list on screen, with its search and hospital, as 随访名单', async () => {
    serve(async (url) => {
      if (url.startsWith('/api/follow-ups/export.xlsx'))
        return new Response(new Blob(['xlsx']), { status: 200 })
      if (url.startsWith('/api/follow-ups')) return page([row('a', null)])
      return json([])
    })
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }))
    setUser(testUser('CITY_AUTHORITY', { regionCode: '220100' }))
    const { wrapper } = await mountAt(
      '/follow-ups?status=DUE&institutionId=i9&q=SJ26&from=2026-12-01&to=2026-12-31',
    )
    const button = wrapper.get('[data-testid="follow-up-export"]')
    expect(button.attributes('title')).toContain('患者为假名')
    await button.trigger('click')
    await flushPromises()
    expect(requests.find((r) => r.startsWith('/api/follow-ups?'))).toBe(
      '/api/follow-ups?status=DUE&page=0&size=50&institutionId=i9&q=SJ26&from=2026-12-01&to=2026-12-31',
    )
    expect(requests.at(-1)).toBe(
      '/api/follow-ups/export.xlsx?status=DUE&institutionId=i9&q=SJ26&from=2026-12-01&to=2026-12-31',
    )
    wrapper.unmount()
  })

  it("does not offer an export above the server's 5000 rows, and says how to narrow the list", async () => {
    serve(async (url) => {
      return url.startsWith('/api/follow-ups')
        ? json({ items: [row('a', 'SJ1')], total: 10273, due: 0, overdue: 0, done: 10273 })
        : json([])
    })
    setUser(testUser('HOSPITAL_CLERK', { institutionId: 'i1' }))
    const { wrapper } = await mountAt('/follow-ups?status=DONE')
    const button = wrapper.get('[data-testid="follow-up-export"]')
    expect(button.attributes('disabled')).toBeDefined()
    expect(button.attributes('title')).toBe(
      '当前列表共 10273 行，超过单次导出上限 5000 行；请选择应随访日期区间或按病案号检索缩小范围',
    )
    wrapper.unmount()
  })
})
