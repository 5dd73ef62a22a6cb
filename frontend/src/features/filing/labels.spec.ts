import { describe, expect, it } from 'vitest'
import { holderLabel } from './labels'

describe('holderLabel', () => {
  it('names the authority holding the filing', () => {
    expect(holderLabel({ state: 'SUBMITTED', holderRegionName: '长春市' })).toBe('长春市')
  })

  it('says 医疗机构 while the hospital writes or supplements it, — once closed', () => {
    expect(holderLabel({ state: 'RETURNED_FOR_SUPPLEMENT', holderRegionName: null })).toBe('医疗机构')
    expect(holderLabel({ state: 'DRAFT' })).toBe('医疗机构')
    expect(holderLabel({ state: 'SELF_ASSESSED', holderRegionName: null })).toBe('医疗机构')
    expect(holderLabel({ state: 'REVOKED', holderRegionName: null })).toBe('—')
    expect(holderLabel({ state: 'REJECTED' })).toBe('—')
  })
})
