import { describe, expect, it } from 'vitest'
import { emptyInput, inputProblems, performerLabel, statusTagType } from './equipment'

describe('equipment form checks', () => {
  const valid = {
    ...emptyInput(),
    kind: 'DSA',
    registrationNumber: '国械注进20173301234',
    manufacturer: '西门子医疗',
    model: 'Artis zee',
    serialNumber: 'SN-1',
    installedOn: '2020-05-01',
  }

  it('accepts a complete unit', () => {
    expect(inputProblems(valid, '2026-11-22')).toEqual({})
  })

  it('names each refused field in Chinese', () => {
    const problems = inputProblems(
      { ...valid, registrationNumber: '国械注准123', model: ' ', installedOn: '2026-11-23' },
      '2026-11-22',
    )
    expect(Object.keys(problems).sort()).toEqual(['installedOn', 'model', 'registrationNumber'])
    expect(problems.model).toBe('型号不能为空')
    expect(problems.installedOn).toBe('安装日期不能晚于今天')
  })

  it('accepts a class I filing number', () => {
    expect(inputProblems({ ...valid, registrationNumber: '吉长械备20150001号' }, '2026-11-22')).toEqual({})
  })

  it('shows statuses and performers', () => {
    expect(statusTagType('OUT_OF_SERVICE')).toBe('danger')
    expect(statusTagType('IN_SERVICE')).toBe('success')
    expect(performerLabel('SAFETY_TEST')).toBe('检测机构')
    expect(performerLabel('MAINTENANCE')).toBe('执行人')
  })
})
