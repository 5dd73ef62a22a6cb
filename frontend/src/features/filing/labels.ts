import type { CurrentUser, FilingState, Region } from '@/api/types'
import { findRegion } from '@/features/institutions/regions'
import { formatDateTime } from '@/app/dates'

export const FILING_STATE_LABELS: Record<FilingState, string> = {
  DRAFT: '草稿',
  SELF_ASSESSED: '已自评',
  SUBMITTED: '已提交',
  RECEIVED: '已受理',
  ESCALATED: '已逐级上报',
  UNDER_EXPERT_REVIEW: '专家审查中',
  APPROVED: '审查通过',
  RESULT_NOTIFIED: '已逐级通知',
  ACTIVE: '备案有效',
  RETURNED_FOR_SUPPLEMENT: '退回补充',
  REJECTED: '不予备案',
  SUSPENDED: '已中止',
  REVOKED: '已撤销',
}

export const FILING_STATES = Object.keys(FILING_STATE_LABELS) as FilingState[]

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export function stateTagType(state: string): TagType {
  switch (state) {
    case 'ACTIVE':
    case 'APPROVED':
      return 'success'
    case 'REJECTED':
    case 'REVOKED':
      return 'danger'
    case 'RETURNED_FOR_SUPPLEMENT':
    case 'SUSPENDED':
      return 'warning'
    case 'DRAFT':
    case 'SELF_ASSESSED':
      return 'info'
    default:
      return 'primary'
  }
}

export function stateLabel(state: string, label?: string | null): string {
  return label || FILING_STATE_LABELS[state as FilingState] || state
}

const HOSPITAL_HELD: readonly string[] = ['DRAFT', 'SELF_ASSESSED', 'RETURNED_FOR_SUPPLEMENT']

/**
 * The list's 当前办理机关: the authority holding the filing, or 医疗机构 while the hospital writes it or supplements
 * it after a return (the server then names no authority); — once the case is closed.
 */
export function holderLabel(row: { state: string; holderRegionName?: string | null }): string {
  if (row.holderRegionName) return row.holderRegionName
  return HOSPITAL_HELD.includes(row.state) ? '医疗机构' : '—'
}

export const ENDING_REASONS: { value: string; label: string }[] = [
  { value: 'NOT_PERFORMED_2_YEARS', label: '2年以上未开展' },
  { value: 'STAFF_NO_LONGER_QUALIFIED', label: '人员不再符合要求' },
  { value: 'EQUIPMENT_UNUSABLE', label: '设备无法使用' },
  { value: 'CONDITIONS_NO_LONGER_MET', label: '机构条件不再符合' },
  { value: 'SERIOUS_ADVERSE_EVENT', label: '发生严重不良事件' },
  { value: 'VOLUNTARY_CANCELLATION', label: '医疗机构主动注销' },
]

/**
 * The reasons a 中止 or 撤销 dialog offers: 医疗机构主动注销 ends a filing only by revocation,
 * and only when the hospital asked for it (the server refuses it otherwise).
 */
export function endingReasonsFor(
  command: string,
  cancellationRequested: boolean,
): { value: string; label: string }[] {
  return ENDING_REASONS.filter(
    (r) => r.value !== 'VOLUNTARY_CANCELLATION' || (command === 'revoke' && cancellationRequested),
  )
}

export const COMMITTEES: { value: 'TECHNOLOGY_MANAGEMENT' | 'ETHICS'; label: string }[] = [
  { value: 'TECHNOLOGY_MANAGEMENT', label: '医疗技术临床应用管理委员会' },
  { value: 'ETHICS', label: '医学伦理委员会' },
]

export const VERDICTS: { value: 'AGREE' | 'DISAGREE' | 'SUPPLEMENT'; label: string }[] = [
  { value: 'AGREE', label: '同意' },
  { value: 'DISAGREE', label: '不同意' },
  { value: 'SUPPLEMENT', label: '需补充材料' },
]

/** Allowed upload types and size, as the backend checks them (by content; checked here by name for a quick hint). */
export const UPLOAD_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx']
export const UPLOAD_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx'
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/** A Chinese message when a chosen file will certainly be refused; null when it may be uploaded. */
export function uploadProblem(
  file: { name: string; size: number },
  maxBytes = MAX_UPLOAD_BYTES,
): string | null {
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : ''
  if (!UPLOAD_EXTENSIONS.includes(ext))
    return `不支持的文件类型“${file.name}”：仅限 PDF、JPEG、PNG、DOCX、XLSX`
  if (file.size > maxBytes)
    return `文件“${file.name}”过大（${formatSize(file.size)}），不能超过 ${formatSize(maxBytes)}`
  if (file.size === 0) return `文件“${file.name}”为空`
  return null
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** An instant as yyyy-MM-dd HH:mm in China's time zone, whatever the browser's. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return ''
  return formatDateTime(value) ?? value
}

/**
 * Whether to offer 登记存量备案: the server lets only the route's review authority register a prior filing, which is a
 * city, the province or a county the province administers directly (直管县); an ordinary county never reviews.
 */
export function mayRegisterPrior(user: CurrentUser | null | undefined, regions: Region[]): boolean {
  if (!user) return false
  if (user.role === 'CITY_AUTHORITY' || user.role === 'PROVINCE_AUTHORITY') return true
  return user.role === 'COUNTY_AUTHORITY' && !!findRegion(regions, user.regionCode)?.directAdmin
}
