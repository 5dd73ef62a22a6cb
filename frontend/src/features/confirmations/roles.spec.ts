import { describe, expect, it } from 'vitest'
import type { CurrentUser } from '@/api/types'
import { confirmationRole, mayChangeJurisdiction } from './roles'

const user = (role: string, institutionId: string | null = null) =>
  ({ role, institutionId }) as unknown as CurrentUser

describe('confirmationRole', () => {
  it('offers a review to authorities and the system administrator', () => {
    expect(confirmationRole(user('CITY_AUTHORITY'), 'h1')).toBe('REVIEW')
    expect(confirmationRole(user('SYSTEM_ADMIN'), 'h1')).toBe('REVIEW')
  })
  it("offers only a declaration to the hospital's own clerk, nothing to others", () => {
    expect(confirmationRole(user('HOSPITAL_CLERK', 'h1'), 'h1')).toBe('SELF_DECLARATION')
    expect(confirmationRole(user('HOSPITAL_CLERK', 'h2'), 'h1')).toBeNull()
    expect(confirmationRole(user('PHYSICIAN', 'h1'), 'h1')).toBeNull()
    expect(confirmationRole(user('EXPERT'), 'h1')).toBeNull()
  })
  it('lets only authorities and the administrator change the jurisdiction', () => {
    expect(mayChangeJurisdiction(user('PROVINCE_AUTHORITY'))).toBe(true)
    expect(mayChangeJurisdiction(user('HOSPITAL_ADMIN', 'h1'))).toBe(false)
  })
})
