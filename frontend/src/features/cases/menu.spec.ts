import { describe, expect, it } from 'vitest'
import type { CurrentUser, UserRole } from '@/api/types'
import { menuFor } from '@/features/auth/roles'
import { router } from '@/app/router'

const user = (role: UserRole): CurrentUser => ({
  id: 'u',
  username: 'u',
  displayName: 'u',
  role,
  institutionId: role.startsWith('HOSPITAL') || role === 'PHYSICIAN' ? 'i1' : null,
  personId: role === 'PHYSICIAN' ? 'p1' : null,
  regionCode: null,
  roleLabel: '角色',
  mustChangePassword: false,
})

describe('病例登记 in the menu and the routes', () => {
  it('is in the menu of hospital staff, physicians, authorities and the system administrator', () => {
    const readers: UserRole[] = [
      'HOSPITAL_CLERK',
      'HOSPITAL_ADMIN',
      'PHYSICIAN',
      'COUNTY_AUTHORITY',
      'CITY_AUTHORITY',
      'PROVINCE_AUTHORITY',
      'SYSTEM_ADMIN',
    ]
    for (const role of readers) {
      expect(menuFor(user(role)).find((i) => i.index === '/cases')?.title, role).toBe('病例登记')
    }
    expect(menuFor(user('EXPERT')).some((i) => i.index === '/cases')).toBe(false)
    expect(menuFor(user('TRAINING_BASE_ADMIN')).some((i) => i.index === '/cases')).toBe(false)
  })

  it('lets only the hospital enter a new case; the same readers open the list and a case', () => {
    expect(router.resolve('/cases/new').meta.roles).toEqual(['HOSPITAL_CLERK', 'HOSPITAL_ADMIN'])
    const readers = router.resolve('/cases').meta.roles as UserRole[]
    expect(readers).toEqual(expect.arrayContaining(['PHYSICIAN', 'PROVINCE_AUTHORITY', 'SYSTEM_ADMIN']))
    expect(readers).not.toContain('EXPERT')
    const detail = router.resolve('/cases/123')
    expect(detail.name).toBe('case')
    expect(detail.meta.roles).toEqual(readers)
  })
})
