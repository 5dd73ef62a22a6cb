import { codeLabel } from '@/api/dictionary'
import type { IndicatorDefinition } from './api'

const CODE = /^[A-Z0-9_.-]+$/

/**
 * The Chinese label of a stratum: "全部" for the unstratified cells; a technology stratum by the catalogue's name
 * (`technologyName`); a coded value through the code dictionary group named after the stratifier; a free-text value
 * (e.g. a robotic procedure's name, （未填）) as it is. A code nobody can name is shown as 其他分层, never raw.
 */
export function stratumLabel(
  indicator: Pick<IndicatorDefinition, 'stratifiers'> | null,
  stratum: string | null,
  technologyName: (code: string) => string | null | undefined = () => null,
): string {
  if (stratum === null) return '全部'
  const stratifier = indicator?.stratifiers[0] ?? ''
  if (stratifier === 'technology') return technologyName(stratum) || '其他技术'
  if (!CODE.test(stratum)) return stratum
  const label = codeLabel(stratifier, stratum, '')
  return label === stratum ? '其他分层' : label
}
