import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { CaseView } from '@/api/types'
import CaseEditor from './CaseEditor.vue'
import { g08Bundle } from './fixtures'

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

const problem = (body: unknown, status = 422) => json(body, status, 'application/problem+json')

function draft(): CaseView {
  return {
    id: 'c1',
    version: 3,
    status: 'DRAFT',
    institutionId: 'inst-1',
    institutionName: '松江肿瘤医院',
    technology: 'G08',
    formKey: 'G08-2023',
    subTechnique: null,
    route: null,
    procedureCodes: [],
    medicalRecordNo: 'BA-1',
    inpatientNo: null,
    patient: {
      pseudonym: 'P1',
      name: '张三',
      idNumberMasked: null,
      phoneMasked: null,
      sex: 'M',
      birthDate: null,
    },
    admissionDate: '2025-11-01',
    operationDate: '2025-11-03',
    dischargeDate: '2025-11-08',
    department: '介入科',
    operatorId: 'p-1',
    operatorName: '李医生',
    assistantIds: [],
    informedConsent: true,
    complications: [],
    deathDate: null,
    dischargeStatus: null,
    fields: { organ: 'LIVER', ptaPercent: 96, lesionsPlanned: 0 },
    devices: [],
    flags: [],
    submittedAt: null,
    confirmedWarnings: [],
    amendmentCount: 0,
  }
}

type Handler = (url: string, init?: RequestInit) => Response | undefined

function mountEditor(handler: Handler, record: CaseView = draft()) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const answer = handler(url, init)
    if (answer) return answer
    if (url.startsWith('/api/case-forms/G08')) return json(g08Bundle())
    if (url.startsWith('/api/people')) return json([])
    return json({}, 404)
  })
  vi.stubGlobal('fetch', fetchMock)
  const wrapper = mount(CaseEditor, {
    props: { technology: 'G08', institutionId: 'inst-1', record, mode: 'edit' as const },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  return { wrapper, fetchMock }
}

async function settle(wrapper: { vm: { $nextTick: () => Promise<void> } }) {
  await flushPromises()
  await wrapper.vm.$nextTick()
  await flushPromises()
}

const calls = (fetchMock: ReturnType<typeof vi.fn>, path: string) =>
  fetchMock.mock.calls.filter((c) => String(c[0]).startsWith(path) && c[1]?.method && c[1].method !== 'GET')

describe('CaseEditor', { timeout: 30_000 }, () => {
  it('asks to confirm plausibility warnings and re-submits with the confirmed codes', async () => {
    let submits = 0
    const { wrapper, fetchMock } = mountEditor((url, init) => {
      if (url.startsWith('/api/cases/c1/submit')) {
        submits++
        const body = JSON.parse(String(init?.body))
        if (!body.confirmedWarnings.includes('ZERO_LESIONS')) {
          return problem({
            status: 422,
            code: 'CASE_WARNINGS_UNCONFIRMED',
            detail: '请确认提示后再提交',
            errors: [],
            warnings: [
              { field: 'fields.lesionsPlanned', code: 'ZERO_LESIONS', message: '计划消融病灶数为 0' },
            ],
          })
        }
        return json({ ...draft(), version: 5, status: 'SUBMITTED' })
      }
      if (url.startsWith('/api/cases/c1') && init?.method === 'PUT') return json({ ...draft(), version: 4 })
      return undefined
    })
    await settle(wrapper)
    await wrapper.get('[data-testid="case-submit"]').trigger('click')
    await settle(wrapper)

    const warning = wrapper.get('[data-testid="case-warnings"]')
    expect(warning.text()).toContain('计划消融病灶数为 0')
    expect(wrapper.get('[data-testid="case-submit"]').attributes('disabled')).toBeDefined()
    expect(wrapper.emitted('submitted')).toBeUndefined()

    await wrapper.get('[data-testid="case-warning-ZERO_LESIONS"] input').setValue(true)
    expect(wrapper.get('[data-testid="case-submit"]').attributes('disabled')).toBeUndefined()
    await wrapper.get('[data-testid="case-submit"]').trigger('click')
    await settle(wrapper)

    expect(submits).toBe(2)
    const submitCalls = calls(fetchMock, '/api/cases/c1/submit')
    expect(JSON.parse(String(submitCalls[1][1]?.body))).toEqual({
      version: 4,
      confirmedWarnings: ['ZERO_LESIONS'],
    })
    // each round submits the version its save returned
    expect(JSON.parse(String(submitCalls[0][1]?.body)).version).toBe(4)
    expect(wrapper.emitted('submitted')?.[0][0]).toMatchObject({ status: 'SUBMITTED' })
    wrapper.unmount()
  })

  it('shows the server’s field errors at their fields', async () => {
    const { wrapper } = mountEditor((url, init) => {
      if (url.startsWith('/api/cases/c1') && init?.method === 'PUT') return json({ ...draft(), version: 4 })
      if (url.startsWith('/api/cases/c1/submit'))
        return problem({
          status: 422,
          code: 'CASE_INVALID',
          detail: '病例有 2 处需要修改',
          errors: [
            { field: 'patient.name', code: 'REQUIRED', message: '患者姓名与病案首页不一致' },
            { field: 'fields.ptaPercent', code: 'RANGE', message: 'PTA 超出范围' },
          ],
        })
      return undefined
    })
    await settle(wrapper)
    await wrapper.get('[data-testid="case-submit"]').trigger('click')
    await settle(wrapper)
    const item = (id: string) =>
      wrapper.findAllComponents({ name: 'ElFormItem' }).find((c) => c.attributes('data-testid') === id)!
    expect(item('case-field-patientName-item').props('error')).toBe('患者姓名与病案首页不一致')
    expect(item('case-field-fields-ptaPercent-item').props('error')).toBe('PTA 超出范围')
    expect(wrapper.emitted('submitted')).toBeUndefined()
    wrapper.unmount()
  })

  it('adds a complication with a type from the form’s list and its seriousness, and saves both', async () => {
    const { wrapper, fetchMock } = mountEditor((url, init) => {
      if (url.startsWith('/api/cases/c1') && init?.method === 'PUT') return json({ ...draft(), version: 4 })
      return undefined
    })
    await settle(wrapper)
    expect(wrapper.get('[data-testid="serious-complication-help"]').text()).toContain(
      '护理级别提升或住院时间延长',
    )
    await wrapper.get('[data-testid="complication-add"]').trigger('click')
    await settle(wrapper)
    await wrapper
      .get('input[data-testid="complication-name-0"], [data-testid="complication-name-0"] input')
      .setValue('张力性气胸')
    const select = wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find(
        (c) =>
          c.attributes('data-testid') === 'complication-type-0' ||
          c.find('[data-testid="complication-type-0"]').exists(),
      )
    const types = wrapper.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))
    expect(types).toEqual(expect.arrayContaining(['大量出血', '严重气胸', '其他']))
    select!.vm.$emit('update:modelValue', 'SEVERE_PNEUMOTHORAX')
    await wrapper
      .get('input[data-testid="complication-serious-0"], [data-testid="complication-serious-0"] input')
      .setValue(true)
    await wrapper.get('[data-testid="case-save-draft"]').trigger('click')
    await settle(wrapper)
    const saved = calls(fetchMock, '/api/cases/c1').find((c) => c[1]?.method === 'PUT')!
    expect(JSON.parse(String(saved[1]?.body)).case.complications).toEqual([
      { name: '张力性气胸', onsetDate: null, grade: null, type: 'SEVERE_PNEUMOTHORAX', serious: true },
    ])
    wrapper.unmount()
  })

  it('does not call the server while client-side checks fail', async () => {
    // an operation before the admission date
    const view = draft()
    view.operationDate = '2025-10-01'
    const { wrapper, fetchMock } = mountEditor(() => undefined, view)
    await settle(wrapper)
    await wrapper.get('[data-testid="case-submit"]').trigger('click')
    await settle(wrapper)
    expect(calls(fetchMock, '/api/cases')).toHaveLength(0)
    const item = wrapper
      .findAllComponents({ name: 'ElFormItem' })
      .find((c) => c.attributes('data-testid') === 'case-field-operationDate-item')!
    expect(item.props('error')).toBe('手术日期不能早于入院日期（2025-11-01）')
    wrapper.unmount()
  })

  it('tells the clerk that the masked ID number is not sent back', async () => {
    const view = draft()
    view.patient.idNumberMasked = '110***********002X'
    const { wrapper } = mountEditor(() => undefined, view)
    await settle(wrapper)
    expect(wrapper.get('[data-testid="case-field-patientIdNumber-hint"]').text()).toContain(
      '已登记 110***********002X；原值不回显，留空则保留原值',
    )
    expect(wrapper.find('[data-testid="case-field-patientPhone-hint"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it("reads a scanned device with the form's operation date", async () => {
    const { wrapper, fetchMock } = mountEditor((url) =>
      url.startsWith('/api/devices/read')
        ? json({
            scanned: '(01)09506000134352(17)251231(21)S1',
            type: 'GS1',
            gtin: '09506000134352',
            lot: null,
            serial: 'S1',
            expiryDate: '2025-12-31',
            productionDate: null,
            registrationNo: null,
            name: null,
            singleUse: true,
            quantity: 1,
            expired: false,
          })
        : undefined,
    )
    await settle(wrapper)
    const input = wrapper.get('input[data-testid="device-scan"], [data-testid="device-scan"] input')
    await input.setValue('(01)09506000134352(17)251231(21)S1')
    input.element.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
    )
    await settle(wrapper)
    const reads = calls(fetchMock, '/api/devices/read')
    expect(reads).toHaveLength(1)
    expect(JSON.parse(String(reads[0][1]?.body))).toEqual({
      scanned: '(01)09506000134352(17)251231(21)S1',
      operationDate: '2025-11-03',
    })
    wrapper.unmount()
  })
})
