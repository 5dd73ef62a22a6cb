import type { ConfirmationKind, CurrentUser } from '@/api/types'

const AUTHORITIES = ['COUNTY_AUTHORITY', 'CITY_AUTHORITY', 'PROVINCE_AUTHORITY']

/**
 * What a confirmation by this user would be (the server decides; this only chooses what the page offers): a review
 * for the system administrator and authorities (the server also checks the jurisdiction), a hospital declaration for
 * the institution's own clerk or hospital admin, nothing for everybody else.
 */
export function confirmationRole(
  user: CurrentUser | null,
  institutionId: string | null,
): ConfirmationKind | null {
  if (!user) return null
  if (user.role === 'SYSTEM_ADMIN' || AUTHORITIES.includes(user.role)) return 'REVIEW'
  if (
    ['HOSPITAL_CLERK', 'HOSPITAL_ADMIN'].includes(user.role) &&
    institutionId &&
    user.institutionId === institutionId
  )
    return 'SELF_DECLARATION'
  return null
}

/** Whether the user may change an institution's region, level, type and licence (with a reason). */
export function mayChangeJurisdiction(user: CurrentUser | null): boolean {
  return !!user && (user.role === 'SYSTEM_ADMIN' || AUTHORITIES.includes(user.role))
}
