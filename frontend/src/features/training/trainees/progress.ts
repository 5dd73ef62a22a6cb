import { codeLabel } from '@/api/dictionary'

/**
 * Where an open trainee file stands against its training period, as the training-base
 * administrator's workbench counts it (TraineeFiles#workload): 期满待结业 when the period
 * ended without the base's conclusion, 即将期满 when it ends within 30 days.
 */
export const ENDING_SOON_DAYS = 30

export const PROGRESS_LABELS = {
  OPEN: '培训中（全部）',
  PERIOD_ENDED: '期满待结业',
  ENDING_SOON: `${ENDING_SOON_DAYS} 天内期满`,
} as const

export type Progress = keyof typeof PROGRESS_LABELS

export function isProgress(value: unknown): value is Progress {
  return typeof value === 'string' && Object.hasOwn(PROGRESS_LABELS, value)
}

/** yyyy-MM-dd plus whole days (calendar arithmetic in UTC, so no daylight-saving drift). */
export function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

interface FileDates {
  endedOn: string
  conclusion?: string | null
}

/** True when an open file's training period ended before today without a conclusion. */
export function periodEnded(file: FileDates, today: string): boolean {
  return !file.conclusion && file.endedOn < today
}

/** True when the file matches the chosen progress filter (all files when none is chosen). */
export function matchesProgress(file: FileDates, progress: Progress | '', today: string): boolean {
  if (!progress) return true
  if (file.conclusion) return false
  switch (progress) {
    case 'OPEN':
      return true
    case 'PERIOD_ENDED':
      return file.endedOn < today
    case 'ENDING_SOON':
      return file.endedOn >= today && file.endedOn <= plusDays(today, ENDING_SOON_DAYS)
  }
}

/** 考核结论 as the file and the list show it: the base's conclusion, or 培训中 while there is none. */
export function conclusionText(file: {
  conclusion?: string | null
  conclusionLabel?: string | null
}): string {
  return file.conclusion
    ? codeLabel('traineeConclusion', file.conclusion, file.conclusionLabel ?? undefined)
    : '培训中'
}
