import { describe, expect, it } from 'vitest'
import type { CurrentUser, UserRole } from '@/api/types'
import { mayCreatePerson, mayEditInstitution, mayEditPerson } from './editing'
import { testUser } from './testing'

function user(role: UserRole, institutionId: string | null = null): CurrentUser {
  return testUser(role, { institutionId, personId: role === 'PHYSICIAN' ? 'p1' : null })
}

describe('mayEditInstitution / mayEditPerson', () => {
  it('lets the institution own clerk and hospital admin and the system admin edit', () => {
    expect(mayEditInstitution(user('HOSPITAL_CLERK', 'i1'), 'i1')).toBe(true)
    expect(mayEditInstitution(user('HOSPITAL_ADMIN', 'i1'), 'i1')).toBe(true)
    expect(mayEditInstitution(user('SYSTEM_ADMIN'), 'i1')).toBe(true)
    expect(mayEditPerson(user('HOSPITAL_CLERK', 'i1'), 'i1')).toBe(true)
    expect(mayEditPerson(user('SYSTEM_ADMIN'), null)).toBe(true)
  })

  it('refuses another hospital, authorities, experts and the physician on his own record', () => {
    expect(mayEditInstitution(user('HOSPITAL_CLERK', 'i2'), 'i1')).toBe(false)
    for (const role of ['CITY_AUTHORITY', 'PROVINCE_AUTHORITY', 'COUNTY_AUTHORITY', 'EXPERT'] as UserRole[]) {
      expect(mayEditInstitution(user(role), 'i1')).toBe(false)
      expect(mayEditPerson(user(role), 'i1')).toBe(false)
    }
    expect(mayEditPerson(user('PHYSICIAN', 'i1'), 'i1')).toBe(false)
    expect(mayEditInstitution(user('PHYSICIAN', 'i1'), 'i1')).toBe(false)
    expect(mayEditPerson(user('HOSPITAL_CLERK', 'i1'), null)).toBe(false)
    expect(mayEditInstitution(null, 'i1')).toBe(false)
  })

  it('offers 新增人员 to the hospital clerk and administrator and the system administrator only', () => {
    expect(mayCreatePerson(user('HOSPITAL_CLERK', 'i1'))).toBe(true)
    expect(mayCreatePerson(user('HOSPITAL_ADMIN', 'i1'))).toBe(true)
    expect(mayCreatePerson(user('SYSTEM_ADMIN'))).toBe(true)
    for (const role of [
      'TRAINING_BASE_ADMIN',
      'PHYSICIAN',
      'CITY_AUTHORITY',
      'PROVINCE_AUTHORITY',
      'COUNTY_AUTHORITY',
      'EXPERT',
    ] as UserRole[]) {
      expect(
        mayCreatePerson(user(role, role === 'TRAINING_BASE_ADMIN' || role === 'PHYSICIAN' ? 'i1' : null)),
      ).toBe(false)
    }
    expect(mayCreatePerson(user('HOSPITAL_CLERK', null))).toBe(false)
    expect(mayCreatePerson(null)).toBe(false)
  })
})
