import { codeLabel } from '@/api/dictionary'
import type { IndicatorDefinition } from './api'

/**
 * The Chinese label of a stratum (e.g. a robotic procedure type): the code dictionary's group named after the
 * indicator's stratifier, "全部" for the unstratified cells. A code the dictionary lacks is shown as 其他分层 rather
 * than raw.
 */
export function stratumLabel(
  indicator: Pick<IndicatorDefinition, 'stratifiers'> | null,
  stratum: string | null,
): string {
  if (stratum === null) return '全部'
  const group = indicator?.stratifiers[0] ?? ''
  const label = codeLabel(group, stratum, '')
  return label === stratum ? '其他分层' : label
}
