import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CaseView, CurrentUser } from '@/api/types'
import type { FollowUp } from '@/features/followup/api'
import { setUser } from '@/features/auth/session'
import CaseDetailPage from './CaseDetailPage.vue'
import { g08Bundle } from './fixtures'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const clerk: CurrentUser = {
  id: 'u1',
  username: 'songjiang-clerk',
  displayName: '医务科',
  role: 'HOSPITAL_CLERK',
  institutionId: 'inst-1',
  personId: null,
  regionCode: null,
  roleLabel: '角色',
  mustChangePassword: false,
}

function submitted(): CaseView {
  return {
    id: 'c1',
    version: 7,
    status: 'SUBMITTED',
    institutionId: 'inst-1',
    institutionName: '松江肿瘤医院',
    technology: 'G08',
    formKey: 'G08-2023',
    subTechnique: 'G08-1',
    route: null,
    procedureCodes: ['50.2301'],
    medicalRecordNo: 'BA-1',
    inpatientNo: null,
    patient: {
      pseudonym: 'P1A2',
      name: '张三',
      idNumberMasked: null,
      phoneMasked: null,
      sex: 'M',
      birthDate: null,
    },
    admissionDate: '2025-11-01',
    operationDate: '2025-11-03',
    dischargeDate: null,
    department: '介入科',
    operatorId: 'p-1',
    operatorName: '李医生',
    assistantIds: [],
    informedConsent: true,
    complications: [
      { name: '腹腔大出血', onsetDate: '2025-11-04', grade: 'III', type: 'MAJOR_BLEEDING', serious: true },
    ],
    deathDate: null,
    dischargeStatus: null,
    fields: { organ: 'LIVER', ptaPercent: 96, lesionsPlanned: 2 },
    devices: [
      {
        scanned: '0109506000134352',
        type: 'GS1',
        gtin: '09506000134352',
        lot: 'L1',
        serial: null,
        expiryDate: '2025-01-31',
        productionDate: null,
        registrationNo: null,
        name: '消融针',
        singleUse: true,
        quantity: 1,
        expired: true,
      },
    ],
    flags: [{ code: 'UNAUTHORIZED', message: '术者李医生在 2025-11-03 没有 G08 的有效授权', blocking: true }],
    submittedAt: '2025-11-05T02:00:00Z',
    confirmedWarnings: [],
    amendmentCount: 0,
  }
}

function point(over: Partial<FollowUp>): FollowUp {
  return {
    id: 'f1',
    version: 0,
    caseId: 'c1',
    institutionId: 'inst-1',
    institutionName: '松江肿瘤医院',
    technology: 'G08',
    medicalRecordNo: 'BA-1',
    patientPseudonym: 'P1A2',
    operationDate: '2025-11-03',
    label: '术后1个月',
    period: 'P1M',
    dueDate: '2025-12-03',
    status: 'OVERDUE',
    statusLabel: '已逾期',
    performedOn: null,
    method: null,
    vitalStatus: null,
    deathDate: null,
    diseaseStatus: null,
    note: null,
    cancelReason: null,
    ...over,
  }
}

/** The case's schedule as the server lists it; PUT /api/follow-ups/{id} records into it. */
function schedule(): FollowUp[] {
  return [
    point({}),
    point({
      id: 'f2',
      label: '术后6个月',
      period: 'P6M',
      dueDate: '2026-05-03',
      status: 'DUE',
      statusLabel: '待随访',
    }),
    point({
      id: 'f3',
      label: '术后1年',
      period: 'P1Y',
      dueDate: '2026-11-03',
      status: 'DONE',
      statusLabel: '已随访',
      performedOn: '2026-11-01',
      method: 'PHONE',
      vitalStatus: 'ALIVE',
      diseaseStatus: 'STABLE',
    }),
    point({
      id: 'f4',
      label: '术后5年',
      period: 'P5Y',
      dueDate: '2030-11-03',
      status: 'CANCELLED',
      statusLabel: '已取消',
      cancelReason: '患者已死亡',
    }),
  ]
}

/** The ledger entries of case c1: its issue, the implant and a return of that issue. */
function seedEntries() {
  const entry = {
    lotId: 'lot-1',
    lotNo: 'L2026A',
    isotope: 'I-125',
    sign: 1,
    issueId: 'm1',
    correctedById: null,
    note: null,
    actorName: '医务科（医务科）',
    occurredAt: '2026-11-20T02:00:00Z',
  }
  return [
    { ...entry, id: 'm1', seq: 1, kind: 'ISSUED', kindLabel: '领用', quantity: 40, linked: true },
    { ...entry, id: 'm2', seq: 2, kind: 'IMPLANTED', kindLabel: '植入', quantity: 36, linked: true },
    { ...entry, id: 'm3', seq: 3, kind: 'RETURNED', kindLabel: '退回入库', quantity: 4, linked: false },
  ]
}

async function mountDetail(
  user: CurrentUser,
  onPost?: (url: string, body: unknown) => Response,
  followUps: FollowUp[] = schedule(),
  view: CaseView = submitted(),
) {
  setUser(user)
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST' && onPost) return onPost(url, JSON.parse(String(init.body)))
    if (init?.method === 'PUT' && url.startsWith('/api/follow-ups/')) {
      const id = url.substring('/api/follow-ups/'.length)
      const body = JSON.parse(String(init.body))
      const i = followUps.findIndex((f) => f.id === id)
      followUps[i] = {
        ...followUps[i],
        ...body,
        version: body.version + 1,
        status: 'DONE',
        statusLabel: '已随访',
      }
      return json(followUps[i])
    }
    if (url.startsWith('/api/follow-ups/by-case/c1')) return json(followUps)
    if (url.startsWith('/api/cases/c1/amendments')) return json([])
    if (url.startsWith('/api/cases/c1/seed-entries')) return json(seedEntries())
    if (url.startsWith('/api/cases/c1')) return json(view)
    if (url.startsWith('/api/case-forms/')) return json(g08Bundle())
    return json([])
  })
  vi.stubGlobal('fetch', fetchMock)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cases/new', component: {} },
      { path: '/cases/:id', component: CaseDetailPage, props: true },
      { path: '/cases', component: {} },
    ],
  })
  await router.push('/cases/c1')
  const wrapper = mount(CaseDetailPage, {
    props: { id: 'c1' },
    global: { plugins: [ElementPlus, router] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, fetchMock, router }
}

describe('CaseDetailPage', { timeout: 30_000 }, () => {
  it('shows a G07 case its seed-ledger entries, and no such section on other technologies', async () => {
    const g07 = await mountDetail(clerk, undefined, schedule(), { ...submitted(), technology: 'G07' })
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await flushPromises()
    const section = g07.wrapper.get('[data-testid="case-seed-entries"]')
    expect(section.text()).toContain('L2026A')
    expect(section.text()).toContain('领用')
    expect(section.text()).toContain('退回入库')
    expect(section.text()).toContain('本病例的领用')
    expect(
      g07.fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/cases/c1/seed-entries')),
    ).toBe(true)
    g07.wrapper.unmount()
    const g08 = await mountDetail(clerk)
    expect(g08.wrapper.find('[data-testid="case-seed-entries"]').exists()).toBe(false)
    g08.wrapper.unmount()
  })

  it('shows a submitted case read-only with its flags, values and devices', async () => {
    const { wrapper } = await mountDetail(clerk)
    expect(wrapper.get('[data-testid="case-status"]').text()).toBe('已提交')
    expect(wrapper.get('[data-testid="case-flag-UNAUTHORIZED"]').text()).toContain(
      '未授权：术者李医生在 2025-11-03 没有 G08 的有效授权',
    )
    expect(wrapper.get('[data-testid="case-value-operator"]').text()).toBe('李医生')
    // the submission time in China's time, not the server's ISO instant
    expect(wrapper.text()).toContain('2025-11-05 10:00')
    expect(wrapper.text()).not.toContain('2025-11-05T02:00:00Z')
    expect(wrapper.get('[data-testid="case-value-fields-organ"]').text()).toBe('肝')
    expect(wrapper.get('[data-testid="case-value-fields-ptaPercent"]').text()).toBe('96 %')
    expect(wrapper.get('[data-testid="case-value-informedConsent"]').text()).toBe('是')
    expect(wrapper.get('[data-testid="device-expired-0"]').text()).toBe('已过期')
    const complications = wrapper.get('[data-testid="case-complications"]').text()
    expect(complications).toContain('腹腔大出血')
    expect(complications).toContain('大量出血')
    expect(complications).not.toContain('MAJOR_BLEEDING')
    expect(complications).toContain('严重并发症')
    expect(wrapper.find('[data-testid="case-form"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="device-scan"]').exists()).toBe(false)
    // the patient is shown to this reader, so the full phone may be asked for (audited by the server)
    expect(wrapper.find('[data-testid="case-patient-contact"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('starts the next case of the same technology from a submitted one', async () => {
    const { wrapper, router } = await mountDetail(clerk)
    const next = wrapper.get('[data-testid="case-new-same-technology"]')
    expect(next.text()).toBe('登记下一例')
    await next.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/cases/new?technology=G08')
    wrapper.unmount()
  })

  it('amends only with a reason, sending version, reason and the case', async () => {
    const posts: { url: string; body: unknown }[] = []
    const { wrapper } = await mountDetail(clerk, (url, body) => {
      posts.push({ url, body })
      return json({ ...submitted(), version: 8, amendmentCount: 1 })
    })
    await wrapper.get('[data-testid="case-start-amend"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="case-form"]').exists()).toBe(true)
    await wrapper.get('[data-testid="case-amend"]').trigger('click')
    await flushPromises()
    const confirm = document.querySelector('[data-testid="amend-confirm"]') as HTMLButtonElement
    confirm.click()
    await flushPromises()
    expect(posts).toHaveLength(0)
    const reasonItem = wrapper
      .findAllComponents({ name: 'ElFormItem' })
      .find((c) => c.props('label') === '更正原因')!
    expect(reasonItem.props('error')).toBe('请填写更正原因')

    const reason = document.querySelector('[data-testid="amend-reason"]') as HTMLTextAreaElement
    reason.value = '病案首页核对后更正手术日期'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    confirm.click()
    await flushPromises()
    expect(posts).toHaveLength(1)
    expect(posts[0].url).toBe('/api/cases/c1/amendments')
    expect(posts[0].body).toMatchObject({
      version: 7,
      reason: '病案首页核对后更正手术日期',
      case: { medicalRecordNo: 'BA-1', operatorId: 'p-1', fields: { organ: 'LIVER' } },
    })
    wrapper.unmount()
  })

  it('reloads a draft into the form after another clerk saved it, so the next save sends the new version', async () => {
    const draft = { ...submitted(), status: 'DRAFT', statusLabel: '草稿', version: 3 } as CaseView
    const { wrapper, fetchMock } = await mountDetail(clerk, undefined, [], draft)
    expect(wrapper.find('[data-testid="case-form"]').exists()).toBe(true)
    // someone else saved it meanwhile: the page loads version 4 (what 重新加载 does)
    draft.version = 4
    draft.medicalRecordNo = 'BA-1-改'
    wrapper.findComponent({ name: 'CaseEditor' }).vm.$emit('reload')
    await flushPromises()
    fetchMock.mockClear()
    await wrapper.get('[data-testid="case-save-draft"]').trigger('click')
    await flushPromises()
    const put = fetchMock.mock.calls.find(([, init]) => (init as RequestInit | undefined)?.method === 'PUT')
    expect(put).toBeDefined()
    const body = JSON.parse(String((put![1] as RequestInit).body))
    expect(body.version).toBe(4)
    expect(body.case.medicalRecordNo).toBe('BA-1-改')
    wrapper.unmount()
  })

  it('offers no amendment to an authority', async () => {
    const { wrapper } = await mountDetail({ ...clerk, role: 'CITY_AUTHORITY', institutionId: null })
    expect(wrapper.find('[data-testid="case-start-amend"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="case-new-same-technology"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('marks the pseudonym an authority sees in place of the name', async () => {
    const view = submitted()
    view.patient = { ...view.patient!, name: null }
    const { wrapper } = await mountDetail(
      { ...clerk, role: 'CITY_AUTHORITY', institutionId: null },
      undefined,
      schedule(),
      view,
    )
    expect(wrapper.get('[data-testid="case-value-patientName"]').text()).toBe('P1A2（化名）')
    wrapper.unmount()
  })

  it('shows the follow-up schedule with due dates, states and what was recorded', async () => {
    const { wrapper } = await mountDetail(clerk)
    const section = wrapper.get('[data-testid="case-follow-ups"]')
    const rows = section.findAll('tbody tr')
    expect(rows).toHaveLength(4)
    expect(rows[0].text()).toContain('术后1个月')
    expect(rows[0].text()).toContain('2025-12-03')
    expect(wrapper.get('[data-testid="case-follow-up-status-f1"]').text()).toBe('已逾期')
    expect(wrapper.get('[data-testid="case-follow-up-status-f2"]').text()).toBe('待随访')
    expect(wrapper.get('[data-testid="case-follow-up-status-f3"]').text()).toBe('已随访')
    expect(wrapper.get('[data-testid="case-follow-up-result-f3"]').text()).toBe(
      '2026-11-01 电话，存活，疾病稳定',
    )
    expect(wrapper.get('[data-testid="case-follow-up-result-f4"]').text()).toBe('患者已死亡')
    expect(wrapper.get('[data-testid="case-follow-up-record-f1"]').text()).toBe('登记')
    expect(wrapper.get('[data-testid="case-follow-up-record-f3"]').text()).toBe('更正')
    expect(wrapper.find('[data-testid="case-follow-up-record-f4"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('lets the hospital record a follow-up from the case page', async () => {
    const { wrapper, fetchMock } = await mountDetail(clerk)
    await wrapper.get('[data-testid="case-follow-up-record-f1"]').trigger('click')
    await flushPromises()
    const dialog = wrapper.findComponent({ name: 'FollowUpRecordDialog' })
    const save = () => (document.querySelector('[data-testid="follow-up-save"]') as HTMLButtonElement).click()
    save()
    await flushPromises()
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT')).toHaveLength(0)

    dialog.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', '2025-12-05')
    dialog.findAllComponents({ name: 'ElSelect' })[0].vm.$emit('update:modelValue', 'OUTPATIENT')
    dialog.findAllComponents({ name: 'ElRadioGroup' })[0].vm.$emit('update:modelValue', 'ALIVE')
    await flushPromises()
    save()
    await flushPromises()
    const puts = fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT')
    expect(puts).toHaveLength(1)
    expect(puts[0][0]).toBe('/api/follow-ups/f1')
    expect(JSON.parse(String(puts[0][1]!.body))).toEqual({
      version: 0,
      performedOn: '2025-12-05',
      method: 'OUTPATIENT',
      vitalStatus: 'ALIVE',
      deathDate: null,
      diseaseStatus: null,
      note: null,
    })
    expect(wrapper.get('[data-testid="case-follow-up-status-f1"]').text()).toBe('已随访')
    expect(wrapper.get('[data-testid="case-follow-up-result-f1"]').text()).toBe('2025-12-05 门诊，存活')
    wrapper.unmount()
  })

  it('shows an authority the schedule without recording', async () => {
    const { wrapper } = await mountDetail({ ...clerk, role: 'CITY_AUTHORITY', institutionId: null })
    expect(wrapper.get('[data-testid="case-follow-up-status-f1"]').text()).toBe('已逾期')
    expect(wrapper.find('[data-testid="case-follow-up-record-f1"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('lets the operating physician record, not another physician', async () => {
    const physician = { ...clerk, role: 'PHYSICIAN' as const, personId: 'p-1' }
    const own = await mountDetail(physician)
    expect(own.wrapper.find('[data-testid="case-follow-up-record-f1"]').exists()).toBe(true)
    own.wrapper.unmount()
    const other = await mountDetail({ ...physician, personId: 'p-2' })
    expect(other.wrapper.find('[data-testid="case-follow-up-record-f1"]').exists()).toBe(false)
    other.wrapper.unmount()
  })
})
