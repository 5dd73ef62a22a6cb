/*
 * The patient's full phone number for the hospital's own staff who call the patient (a follow-up by phone). The
 * server audits every read; everywhere else the phone is shown masked.
 */
import { h } from 'vue'
import { ElMessageBox } from 'element-plus'
import { casesApi } from './api'

/** The dialog's text: name and number, or why there is no number. */
export function contactText(contact: {
  medicalRecordNo: string
  name?: string | null
  phone?: string | null
}): string {
  const who = `${contact.name ?? '（未登记姓名）'}（病案号 ${contact.medicalRecordNo}）`
  return contact.phone ? `${who}：${contact.phone}` : `${who}：病例未登记联系电话`
}

/** Fetches the contact (audited by the server) and shows it; errors are shown by the HTTP layer. */
export async function showPatientContact(caseId: string): Promise<void> {
  const contact = await casesApi.patientContact(caseId)
  const message = h('div', [
    h('p', { 'data-testid': 'patient-contact' }, contactText(contact)),
    h('p', { class: 'muted small' }, '本次查看已记入审计日志。'),
  ])
  await ElMessageBox.alert(message, '患者联系方式', { confirmButtonText: '关闭' }).catch(() => undefined)
}
