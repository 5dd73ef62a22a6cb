import type { CurrentUser } from '@/api/types'

/**
 * Whether the user may change an institution's data and its people's records (the server's
 * AccessPolicy.canWriteInstitution): the institution's own clerk or hospital admin, or the system administrator.
 * Everybody else (authorities, experts, physicians) reads; the page shows them no edit control.
 */
export function mayEditInstitution(
  user: CurrentUser | null | undefined,
  institutionId: string | null | undefined,
) {
  if (!user) return false
  if (user.role === 'SYSTEM_ADMIN') return true
  return (
    (user.role === 'HOSPITAL_CLERK' || user.role === 'HOSPITAL_ADMIN') &&
    !!institutionId &&
    user.institutionId === institutionId
  )
}

/**
 * Whether the user may change a person's record: as {@link mayEditInstitution} for the person's institution; a person
 * of no institution only the system administrator. A physician never edits his own record.
 */
export function mayEditPerson(
  user: CurrentUser | null | undefined,
  institutionId: string | null | undefined,
) {
  if (!user) return false
  if (user.role === 'SYSTEM_ADMIN') return true
  return mayEditInstitution(user, institutionId)
}

/**
 * Whether the user may add a person (新增人员): a hospital's clerk or administrator for the own institution, or the
 * system administrator (the server's PersonnelManagement.create). Authorities, training-base administrators,
 * experts and physicians read the lists only.
 */
export function mayCreatePerson(user: CurrentUser | null | undefined) {
  return mayEditPerson(user, user?.institutionId)
}
