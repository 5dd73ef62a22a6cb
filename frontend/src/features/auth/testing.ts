import type { CurrentUser, UserRole } from '@/api/types'

/**
 * A signed-in user for component tests: the role, and whatever else the test needs (institution, region, person).
 * Test code only; the application never imports it.
 */
export function testUser(role: UserRole, overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: 'u',
    username: 'u',
    displayName: 'u',
    role,
    roleLabel: role,
    institutionId: null,
    personId: null,
    regionCode: null,
    mustChangePassword: false,
    ...overrides,
  }
}
