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

const entries = (role: UserRole) =>
  menuFor(user(role))
    .filter((i) => i.index.startsWith('/indicators'))
    .map((i) => `${i.index} ${i.title}`)

describe('质控指标 in the menu and the routes', () => {
  it('gives authorities and the administrator the regional page, hospitals their own and the physicians page', () => {
    for (const role of [
      'COUNTY_AUTHORITY',
      'CITY_AUTHORITY',
      'PROVINCE_AUTHORITY',
      'SYSTEM_ADMIN',
    ] as UserRole[]) {
      expect(entries(role), role).toEqual(['/indicators 质控指标'])
    }
    for (const role of ['HOSPITAL_CLERK', 'HOSPITAL_ADMIN'] as UserRole[]) {
      expect(entries(role), role).toEqual([
        '/indicators/hospital 质控指标',
        '/indicators/physicians 医师质控评价',
      ])
    }
    for (const role of ['EXPERT', 'PHYSICIAN', 'TRAINING_BASE_ADMIN'] as UserRole[]) {
      expect(entries(role), role).toEqual([])
    }
  })

  it('guards the routes by the same roles', () => {
    expect(router.resolve('/indicators').meta.roles).toEqual([
      'COUNTY_AUTHORITY',
      'CITY_AUTHORITY',
      'PROVINCE_AUTHORITY',
      'SYSTEM_ADMIN',
    ])
    expect(router.resolve('/indicators/hospital').meta.roles).toEqual(['HOSPITAL_CLERK', 'HOSPITAL_ADMIN'])
    expect(router.resolve('/indicators/physicians').meta.roles).toEqual(['HOSPITAL_CLERK', 'HOSPITAL_ADMIN'])
  })
})
