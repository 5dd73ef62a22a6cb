/** One column of a {@link RowEditor}: which field of the row it edits and with which input. */
export interface RowColumn {
  /** The row's field, also the last part of the error path (`departments[0].beds`). */
  key: string
  label: string
  /** The input; `slot` renders the parent's `#cell-<key>` slot (read-only cells, composite inputs). */
  type?: 'text' | 'number' | 'date' | 'select' | 'multiselect' | 'checkbox' | 'slot'
  options?: { value: string; label: string }[]
  /** select / multiselect: codes not in `options` may be typed in. */
  allowCreate?: boolean
  min?: number
  max?: number
  /** number: clearing the input leaves null (e.g. 月份 empty = the whole year). */
  nullable?: boolean
  /** date: days after today cannot be picked. */
  pastOnly?: boolean
  placeholder?: string
  /** CSS width of the column, e.g. `120px`; the column takes the rest when absent. */
  width?: string
  /** Other fields whose errors show under this cell (a range shown as one cell). */
  errorKeys?: string[]
}

/**
 * The error shown under one cell: the first of the server's / validator's field paths
 * `<path>[<index>].<key>` (and the column's `errorKeys`) that has a message.
 */
export function cellError(
  errors: Record<string, string> | undefined,
  path: string,
  index: number,
  column: Pick<RowColumn, 'key' | 'errorKeys'>,
): string {
  if (!errors) return ''
  for (const key of [column.key, ...(column.errorKeys ?? [])]) {
    const message = errors[`${path}[${index}].${key}`]
    if (message) return message
  }
  return ''
}
