import { describe, expect, it } from 'vitest'
import { enrolmentProblem, insidePeriod, instructorLabel, noteValidator, statusTag } from './api'

describe('trainee file helpers', () => {
  it('accepts a case on the first and last day of the period only', () => {
    expect(insidePeriod('2026-03-01', '2026-03-01', '2026-09-01')).toBe(true)
    expect(insidePeriod('2026-09-01', '2026-03-01', '2026-09-01')).toBe(true)
    expect(insidePeriod('2026-02-28', '2026-03-01', '2026-09-01')).toBe(false)
    expect(insidePeriod('2026-09-02', '2026-03-01', '2026-09-01')).toBe(false)
    expect(insidePeriod('', '2026-03-01', '2026-09-01')).toBe(false)
  })
  it('colours verdicts', () => {
    expect(statusTag('MET')).toBe('success')
    expect(statusTag('NOT_MET')).toBe('danger')
    expect(statusTag('UNKNOWN')).toBe('warning')
  })
  it('validates decision notes: required for a refusal, never longer than the server accepts', () => {
    expect(noteValidator(true)('')).toBe('请填写意见')
    expect(noteValidator(true)('   ')).toBe('请填写意见')
    expect(noteValidator(true)(null)).toBe('请填写意见')
    expect(noteValidator(false)('')).toBe(true)
    expect(noteValidator(true)('证书与培训期一致')).toBe(true)
    expect(noteValidator(true)('字'.repeat(500))).toBe(true)
    expect(noteValidator(true)('字'.repeat(501))).toBe('不能超过 500 个字')
  })
  it('names what an enrolment still lacks', () => {
    const full = { personId: 'p', baseId: 'b', startedOn: '2026-03-01', endedOn: '2026-09-01' }
    expect(enrolmentProblem(full)).toBeNull()
    expect(enrolmentProblem({ ...full, personId: '' })).toBe('请选择学员')
    expect(enrolmentProblem({ ...full, baseId: '' })).toBe('请选择培训基地')
    expect(enrolmentProblem({ ...full, endedOn: '' })).toBe('请选择培训开始和结束日期')
    expect(enrolmentProblem({ ...full, endedOn: '2026-02-28' })).toBe('培训结束日期不能早于开始日期')
  })
  it('labels an instructor with the title held that day', () => {
    expect(instructorLabel({ personId: 'x', name: '高志远', title: '主任医师' })).toBe('高志远（主任医师）')
    expect(instructorLabel({ personId: 'x', name: '高志远' })).toBe('高志远')
  })
})
