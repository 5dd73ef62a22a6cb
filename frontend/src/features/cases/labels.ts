import type { CaseFlag } from '@/api/types'

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export const CASE_STATUS_LABELS: Record<string, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交',
}

export function caseStatusLabel(status: string): string {
  return CASE_STATUS_LABELS[status] ?? status
}

export function caseStatusTagType(status: string): TagType {
  return status === 'DRAFT' ? 'info' : status === 'SUBMITTED' ? 'success' : 'primary'
}

/** The flags a submitted case can carry (docs/cases.md), with their short names. */
export const CASE_FLAG_LABELS: Record<string, string> = {
  UNFILED: '未备案开展',
  FILING_PENDING: '备案办理中',
  UNAUTHORIZED: '未授权',
  OUT_OF_SCOPE: '超范围',
  NO_CONSENT: '未记录知情同意',
  NO_PREOP_PATHOLOGY: '无术前病理',
  DEVICE_EXPIRED: '使用过期器械',
  CODE_NOT_IN_SPEC: '编码不在规范内',
}

export const CASE_FLAGS = Object.keys(CASE_FLAG_LABELS)

/** Not a flag: the list filter for cases carrying any blocking flag (问题病例; the server's CaseFlag.ANY_BLOCKING). */
export const ANY_BLOCKING = 'BLOCKING'

/** What a flag means, for tooltips where the list carries only the code (the case page shows the full message). */
export const CASE_FLAG_DESCRIPTIONS: Record<string, string> = {
  UNFILED: '手术日期当天本机构没有该技术的有效备案（未备案开展）',
  FILING_PENDING: '手术日期当天该技术的备案尚在办理中（提示，不作为问题）',
  UNAUTHORIZED: '术者在手术日期当天没有本机构对该技术的有效授权',
  OUT_OF_SCOPE: '术者的授权不包括本病例的子技术或范围（超范围）',
  NO_CONSENT: '未记录患者已签署知情同意书',
  NO_PREOP_PATHOLOGY: '甲状腺消融病例未记录术前病理',
  DEVICE_EXPIRED: '使用的器械在手术日期已过有效期',
  CODE_NOT_IN_SPEC: '手术操作编码不在管理规范的编码表内',
}

export function flagLabel(code: string): string {
  return CASE_FLAG_LABELS[code] ?? code
}

/** Informative flags are grey; the others are findings the authorities look at. */
export function flagTagType(flag: CaseFlag | string): TagType {
  const code = typeof flag === 'string' ? flag : flag.code
  if (code === 'FILING_PENDING') return 'info'
  if (typeof flag !== 'string' && flag.blocking === false) return 'warning'
  return code === 'DEVICE_EXPIRED' || code === 'CODE_NOT_IN_SPEC' || code === 'NO_CONSENT'
    ? 'warning'
    : 'danger'
}

/** A flag as {code, message} whether the list carried codes only or whole flags. */
export function asFlag(
  flag: Pick<CaseFlag, 'code' | 'message'> | string,
): Pick<CaseFlag, 'code' | 'message'> {
  return typeof flag === 'string'
    ? { code: flag, message: CASE_FLAG_DESCRIPTIONS[flag] ?? flagLabel(flag) }
    : flag
}

export const DISCHARGE_STATUS_LABELS: Record<string, string> = {
  ORDERED: '医嘱离院',
  TRANSFER_HOSPITAL: '医嘱转院',
  TRANSFER_COMMUNITY: '医嘱转社区/乡镇卫生院',
  AGAINST_ADVICE: '非医嘱离院',
  AUTO_DISCHARGE_IRREVERSIBLE: '自动出院（疾病不可逆）',
  DEATH: '死亡',
  OTHER: '其他',
}

export const SEX_LABELS: Record<string, string> = { M: '男', F: '女' }

/** Follow-up points: overdue red, due orange, recorded green, the rest grey. */
export function followUpStatusTagType(status: string): TagType {
  if (status === 'OVERDUE') return 'danger'
  if (status === 'DUE') return 'warning'
  if (status === 'DONE') return 'success'
  return 'info'
}
