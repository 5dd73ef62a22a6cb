import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { setUser } from '@/features/auth/session'
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
  }
}

const requests: string[] = []

afterEach(() => {
  vi.unstubAllGlobals()
  requests.length = 0
  document.body.innerHTML = ''
})

describe('FollowUpsPage (病例随访)', () => {
  it("offers the own patients' full phone, fetched (and audited) only on request", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        requests.push(url)
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
      }),
    )
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
    const wrapper = mount(FollowUpsPage, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-testid="contact-a"]').exists()).toBe(true)
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
})
