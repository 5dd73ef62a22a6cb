import { describe, expect, it } from 'vitest'
import type { Region, UserRole } from '@/api/types'
import { endingReasonsFor, holderLabel, mayRegisterPrior } from './labels'
import { testUser } from '@/features/auth/testing'

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

describe('mayRegisterPrior', () => {
  const region = (code: string, level: string, directAdmin = false, children: Region[] = []): Region =>
    ({ code, name: code, level, directAdmin, children }) as Region
  const tree = [
    region('220000', 'PROVINCE', false, [
      region('220100', 'CITY', false, [region('220102', 'COUNTY')]),
      region('220581', 'COUNTY', true),
    ]),
  ]
  const user = (role: UserRole, regionCode: string | null) => testUser(role, { regionCode })

  it('offers it to the authorities that review: city, province and a directly administered county', () => {
    expect(mayRegisterPrior(user('CITY_AUTHORITY', '220100'), tree)).toBe(true)
    expect(mayRegisterPrior(user('PROVINCE_AUTHORITY', '220000'), tree)).toBe(true)
    expect(mayRegisterPrior(user('COUNTY_AUTHORITY', '220581'), tree)).toBe(true)
  })

  it('not to an ordinary county, hospitals or experts (nor before the region tree has loaded, for a county)', () => {
    expect(mayRegisterPrior(user('COUNTY_AUTHORITY', '220102'), tree)).toBe(false)
    expect(mayRegisterPrior(user('COUNTY_AUTHORITY', '220581'), [])).toBe(false)
    expect(mayRegisterPrior(user('HOSPITAL_CLERK', null), tree)).toBe(false)
    expect(mayRegisterPrior(user('EXPERT', null), tree)).toBe(false)
    expect(mayRegisterPrior(null, tree)).toBe(false)
  })
})

describe('endingReasonsFor', () => {
  const values = (command: string, requested: boolean) =>
    endingReasonsFor(command, requested).map((r) => r.value)

  it('offers 医疗机构主动注销 only to revoke a filing whose hospital asked for it', () => {
    expect(values('revoke', true)).toContain('VOLUNTARY_CANCELLATION')
    expect(values('revoke', false)).not.toContain('VOLUNTARY_CANCELLATION')
    expect(values('suspend', true)).not.toContain('VOLUNTARY_CANCELLATION')
    expect(values('suspend', false)).toEqual(values('revoke', false))
    expect(values('suspend', false)).toContain('SERIOUS_ADVERSE_EVENT')
  })
})
