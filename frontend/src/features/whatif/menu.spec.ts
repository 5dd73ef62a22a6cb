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

describe('变化影响分析 and 版本对比 in the menu and the routes', () => {
  it('offers the impact analysis to hospital staff, authorities and the system administrator only', () => {
    const allowed: UserRole[] = [
      'HOSPITAL_CLERK',
      'HOSPITAL_ADMIN',
      'COUNTY_AUTHORITY',
      'CITY_AUTHORITY',
      'PROVINCE_AUTHORITY',
      'SYSTEM_ADMIN',
    ]
    for (const role of allowed) {
      expect(menuFor(user(role)).find((i) => i.index === '/impact')?.title, role).toBe('变化影响分析')
    }
    for (const role of ['PHYSICIAN', 'EXPERT', 'TRAINING_BASE_ADMIN'] as UserRole[]) {
      expect(
        menuFor(user(role)).some((i) => i.index === '/impact'),
        role,
      ).toBe(false)
    }
    expect(router.resolve('/impact').meta.roles).toEqual(allowed)
  })

  it('offers the edition diff to every role', () => {
    for (const role of ['PHYSICIAN', 'EXPERT', 'PROVINCE_AUTHORITY', 'HOSPITAL_CLERK'] as UserRole[]) {
      expect(menuFor(user(role)).find((i) => i.index === '/spec-diff')?.title, role).toBe('版本对比')
    }
    expect(router.resolve('/spec-diff').name).toBe('spec-diff')
  })
})
