import { describe, expect, it } from 'vitest'
import { contactText } from './patientContact'

describe('contactText', () => {
  it('names the patient and the number, or says that none was recorded', () => {
    expect(contactText({ medicalRecordNo: 'SJ1', name: '张三丰', phone: '13812345678' })).toBe(
      '张三丰（病案号 SJ1）：13812345678',
    )
    expect(contactText({ medicalRecordNo: 'SJ1', name: '张三丰', phone: null })).toBe(
      '张三丰（病案号 SJ1）：病例未登记联系电话',
    )
    expect(contactText({ medicalRecordNo: 'SJ1' })).toBe('（未登记姓名）（病案号 SJ1）：病例未登记联系电话')
  })
})
