/**
 * The state of a server-side list (docs/lists.md) and its place in the URL: page (from 1
 * in the URL, from 0 on the server), size, sort (`key,asc` / `key,desc`) and the list's
 * filters. Every change becomes a new URL query, so back/forward and links work.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router'

export const PAGE_SIZES = [20, 50, 100, 200]
export const DEFAULT_SIZE = 20

export interface ListState {
  /** 1-based page, as the pager shows it. */
  page: number
  size: number
  /** `key,asc` / `key,desc`, or '' for the list's default. */
  sort: string
  filters: Record<string, string>
}

function text(query: LocationQuery, key: string): string {
  const value = query[key]
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : ''
  return typeof value === 'string' ? value : ''
}

/** Reads the list state from the URL query; unknown keys are ignored, bad numbers fall back. */
export function parseListState(query: LocationQuery, filterKeys: readonly string[]): ListState {
  const page = Number.parseInt(text(query, 'page'), 10)
  const size = Number.parseInt(text(query, 'size'), 10)
  const filters: Record<string, string> = {}
  for (const key of filterKeys) {
    const value = text(query, key)
    if (value) filters[key] = value
  }
  return {
    page: Number.isFinite(page) && page > 0 ? page : 1,
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_SIZE,
    sort: text(query, 'sort'),
    filters,
  }
}

/** The URL query of a state, leaving out defaults so links stay short. */
export function toRouteQuery(state: ListState): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  for (const [key, value] of Object.entries(state.filters)) {
    if (value) query[key] = value
  }
  if (state.sort) query.sort = state.sort
  if (state.page > 1) query.page = String(state.page)
  if (state.size !== DEFAULT_SIZE) query.size = String(state.size)
  return query
}

/** The request parameters of a state (the server counts pages from 0). */
export function toApiQuery(state: ListState): Record<string, string | number> {
  const query: Record<string, string | number> = { ...state.filters, page: state.page - 1, size: state.size }
  if (state.sort) query.sort = state.sort
  return query
}

/** The export's parameters: the filters and sort, no paging (the export holds every matching row). */
export function toExportQuery(state: ListState): Record<string, string> {
  const query: Record<string, string> = { ...state.filters }
  if (state.sort) query.sort = state.sort
  return query
}

export type TableOrder = 'ascending' | 'descending' | null

/** The sort of an Element Plus `sort-change` (column prop and order); '' when unsorted. */
export function sortFromTable(prop: string | null | undefined, order: TableOrder): string {
  if (!prop || !order) return ''
  return `${prop},${order === 'descending' ? 'desc' : 'asc'}`
}

/** The `default-sort` of the table for a sort, so the header shows the server's order. */
export function tableSort(sort: string): { prop: string; order: 'ascending' | 'descending' } | undefined {
  if (!sort) return undefined
  const [prop, direction] = sort.split(',')
  if (!prop) return undefined
  return { prop, order: direction === 'desc' ? 'descending' : 'ascending' }
}

/** A filter change: set or clear one filter and go back to the first page. */
export function withFilter(state: ListState, key: string, value: string | null | undefined): ListState {
  const filters = { ...state.filters }
  if (value) filters[key] = value
  else delete filters[key]
  return { ...state, filters, page: 1 }
}
