import type { ApiKey, GateOverride } from './api'
import { formatDateTime } from '@/app/dates'

/** Longest key name the backend accepts. */
export const MAX_KEY_NAME = 60

/** Why a key name cannot be used, or null when it can. */
export function keyNameProblem(name: string): string | null {
  const trimmed = name.trim()
  if (!trimmed) return '请填写名称，例如“HIS 手术申请”'
  if (trimmed.length > MAX_KEY_NAME) return `名称不能超过 ${MAX_KEY_NAME} 个字`
  return null
}

/** An instant as date and time in China, minutes precision (yyyy-MM-dd HH:mm), or “—”. */
export function formatInstant(instant: string | null | undefined): string {
  return formatDateTime(instant) ?? '—'
}

/** How long ago a key was last used, in words (recorded at most once a minute). */
export function lastUsedLabel(lastUsedAt: string | null | undefined, now: Date): string {
  if (!lastUsedAt) return '从未使用'
  const then = new Date(lastUsedAt).getTime()
  if (Number.isNaN(then)) return '—'
  const minutes = Math.floor((now.getTime() - then) / 60000)
  if (minutes < 1) return '1 分钟内'
  if (minutes < 60) return `${minutes} 分钟前`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} 小时前`
  return `${Math.floor(hours / 24)} 天前`
}

export function keyStatusLabel(key: Pick<ApiKey, 'status'>): string {
  return key.status === 'ACTIVE' ? '有效' : '已吊销'
}

export const DECISION_LABELS: Record<GateOverride['decision'], string> = {
  ALLOW: '允许',
  DENY: '拒绝',
  NOT_RESTRICTED: '非限制类技术',
}

/** What was asked, as one line: the procedure code, else the technology. */
export function procedureLabel(o: Pick<GateOverride, 'procedureCode' | 'technology'>): string {
  if (o.procedureCode && o.technology) return `${o.procedureCode}（${o.technology}）`
  return o.procedureCode || o.technology || '—'
}

/** The blocking reasons of the answer the system overrode, joined for a table cell. */
export function blockingReasons(o: Pick<GateOverride, 'reasons'>): string {
  const blocking = o.reasons.filter((r) => r.blocking)
  return blocking.length ? blocking.map((r) => r.message).join('；') : '—'
}

/** A curl call of the check with the key, for the integrator (shown next to the new secret). */
export function curlExample(origin: string, secret: string): string {
  return `curl -H 'Authorization: ApiKey ${secret}' '${origin}/api/gate?physician=<人员ID或执业证书编码>&procedureCode=50.2400x001'`
}
