/** How an amendment of a submitted case is shown (GET /api/cases/{id}/amendments). */
import type { CaseAmendment } from '@/api/types'
import { formatDateTime } from '@/app/dates'
import { fieldLabel } from '@/api/fieldLabels'
import { codeLabel } from '@/api/dictionary'

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** yyyy-MM-dd HH:mm of the amendment's instant. */
export function amendmentTime(a: CaseAmendment): string {
  const at = a.amendedAt
  if (!at) return '—'
  return formatDateTime(at) ?? at
}

export function amendmentUser(a: CaseAmendment): string {
  return text(a.amendedByName) || text(a.amendedBy) || '—'
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/** Complications as the clerk reads them: 名称（分级 级，类型，严重并发症）, never the type code. */
function complications(v: unknown): string {
  if (!Array.isArray(v)) return show(v)
  if (!v.length) return '（空）'
  return v
    .map((c: { name?: string; grade?: string | null; type?: string | null; serious?: boolean | null }) => {
      const parts = [
        c.grade ? `${c.grade} 级` : '',
        c.type ? codeLabel('complicationType', c.type) : '',
        c.serious === true ? '严重并发症' : c.serious === false ? '非严重' : '',
      ].filter(Boolean)
      return `${c.name ?? ''}${parts.length ? `（${parts.join('，')}）` : ''}`
    })
    .join('、')
}

/** The changed fields: the server sends `before` and `after` maps of the changed fields only. */
export function amendmentChanges(a: CaseAmendment, label: (field: string) => string = fieldLabel): string {
  const keys = [...new Set([...Object.keys(a.before ?? {}), ...Object.keys(a.after ?? {})])]
  const value = (k: string, v: unknown) => (k === 'complications' ? complications(v) : show(v))
  return (
    keys.map((k) => `${label(k)}：${value(k, a.before?.[k])} → ${value(k, a.after?.[k])}`).join('；') || '—'
  )
}
