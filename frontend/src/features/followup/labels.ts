/** Codes of follow-up records with their Chinese names (as FollowUpManagement validates them). */
export const METHODS: Record<string, string> = {
  OUTPATIENT: '门诊',
  INPATIENT: '住院',
  PHONE: '电话',
  LETTER: '信函',
  ONLINE: '网络/微信',
  OTHER: '其他',
}

export const VITAL_STATUSES: Record<string, string> = { ALIVE: '存活', DEAD: '死亡', LOST: '失访' }

export const DISEASE_STATUSES: Record<string, string> = {
  NO_EVIDENCE: '无复发/无进展',
  COMPLETE_RESPONSE: '完全缓解',
  PARTIAL_RESPONSE: '部分缓解',
  STABLE: '疾病稳定',
  LOCAL_RECURRENCE: '局部复发',
  DISTANT_METASTASIS: '远处转移',
  PROGRESSION: '疾病进展',
  UNKNOWN: '不详',
}

/** Days past (negative) or left until a due date, counted from today (both ISO dates). */
export function daysUntil(dueDate: string, today: string): number {
  const day = 24 * 60 * 60 * 1000
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / day)
}

/** What the record dialog refuses before sending (the server checks the same and more). */
export function recordProblems(r: {
  performedOn: string | null
  method: string | null
  vitalStatus: string | null
  deathDate: string | null
}): string[] {
  const problems: string[] = []
  if (!r.performedOn) problems.push('请填写随访日期')
  if (!r.method) problems.push('请选择随访方式')
  if (!r.vitalStatus) problems.push('请选择生存状态')
  if (r.vitalStatus === 'DEAD' && !r.deathDate) problems.push('生存状态为死亡时必须填写死亡日期')
  if (r.vitalStatus === 'DEAD' && r.deathDate && r.performedOn && r.deathDate > r.performedOn)
    problems.push('死亡日期不能晚于随访日期')
  return problems
}
