import type { ClauseStatus } from '@/api/types'

export type TagType = 'success' | 'danger' | 'info' | 'warning' | 'primary'

export interface StatusStyle {
  label: string
  type: TagType
  effect: 'light' | 'plain' | 'dark'
}

/** Colour and default label per eligibility/clause status (the server's statusLabel wins when present). */
export const STATUS_STYLES: Record<ClauseStatus, StatusStyle> = {
  MET: { label: '符合', type: 'success', effect: 'light' },
  NOT_MET: { label: '不符合', type: 'danger', effect: 'light' },
  UNKNOWN: { label: '信息不全', type: 'info', effect: 'light' },
  NEEDS_ATTESTATION: { label: '待确认', type: 'warning', effect: 'light' },
  NO_SPEC: { label: '规范未录入', type: 'info', effect: 'plain' },
  NOT_APPLICABLE: { label: '不适用', type: 'info', effect: 'plain' },
  ERROR: { label: '评估出错', type: 'danger', effect: 'dark' },
}

/** Statuses in the order they are listed in legends and charts. */
export const STATUS_ORDER: ClauseStatus[] = ['MET', 'NOT_MET', 'UNKNOWN', 'NEEDS_ATTESTATION', 'NO_SPEC']

/** Chart colours matching the tag colours. */
export const STATUS_COLORS: Record<ClauseStatus, string> = {
  MET: '#67c23a',
  NOT_MET: '#f56c6c',
  UNKNOWN: '#909399',
  NEEDS_ATTESTATION: '#e6a23c',
  NO_SPEC: '#c0c4cc',
  NOT_APPLICABLE: '#dcdfe6',
  ERROR: '#c45656',
}

export function statusStyle(status: string | null | undefined, label?: string | null): StatusStyle {
  const known = status ? STATUS_STYLES[status as ClauseStatus] : undefined
  const base = known ?? { label: status || '—', type: 'info' as TagType, effect: 'plain' as const }
  return { ...base, label: label || base.label }
}

export function statusLabel(status: string | null | undefined, label?: string | null): string {
  return statusStyle(status, label).label
}

/** Labels of the evaluation subjects (what-if 主体). */
export const SUBJECT_LABELS: Record<string, string> = {
  INSTITUTION: '医疗机构',
  PHYSICIAN: '医师',
  STAFF: '其他人员',
  TRAINEE: '学员',
  TRAINING_BASE: '培训基地',
}

/** Labels of the trainee pathways (培训 / 免培). */
export const PATHWAY_LABELS: Record<string, string> = {
  STANDARD: '系统培训',
  ABROAD: '境外培训',
  EXEMPTION: '免于培训',
}

export function pathwayLabel(pathway: string | null | undefined): string {
  if (!pathway) return ''
  return PATHWAY_LABELS[pathway] ?? pathway
}
