import { describe, expect, it } from 'vitest'
import { labelOptions } from './audit'

describe('audit filter options', () => {
  it('offers labels, not codes, once each, in pinyin order', () => {
    const options = labelOptions({
      LOGIN_SUCCEEDED: '登录成功',
      FILING_SUBMIT: '提交备案',
      FILING_SUBMITTED: '提交备案',
      AUDIT_LIST_EXPORTED: '导出审计记录',
    })
    expect(options.map((o) => o.label)).toEqual(['导出审计记录', '登录成功', '提交备案'])
    expect(options.find((o) => o.label === '提交备案')?.value).toBe('FILING_SUBMIT')
  })
})
