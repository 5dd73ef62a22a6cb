import { describe, expect, it } from 'vitest'
import {
  parseListState,
  sortFromTable,
  tableSort,
  toApiQuery,
  toExportQuery,
  toRouteQuery,
  withFilter,
} from './listState'

describe('list state in the URL', () => {
  it('reads page, size, sort and only the known filters', () => {
    const state = parseListState(
      { page: '3', size: '50', sort: 'name,desc', state: 'SUBMITTED', other: 'x' },
      ['state', 'q'],
    )
    expect(state).toEqual({ page: 3, size: 50, sort: 'name,desc', filters: { state: 'SUBMITTED' } })
  })

  it('falls back to defaults for missing or bad numbers', () => {
    expect(parseListState({ page: '-2', size: '7' }, [])).toEqual({
      page: 1,
      size: 20,
      sort: '',
      filters: {},
    })
    expect(parseListState({ page: 'abc' }, []).page).toBe(1)
  })

  it('round-trips through the URL and leaves defaults out', () => {
    const state = { page: 2, size: 20, sort: 'submittedOn,asc', filters: { state: 'SUBMITTED' } }
    expect(toRouteQuery(state)).toEqual({ state: 'SUBMITTED', sort: 'submittedOn,asc', page: '2' })
    expect(parseListState(toRouteQuery(state) as never, ['state'])).toEqual(state)
    expect(toRouteQuery({ page: 1, size: 20, sort: '', filters: {} })).toEqual({})
  })

  it('asks the server for zero-based pages and exports without paging', () => {
    const state = { page: 2, size: 50, sort: 'name,asc', filters: { q: '长春' } }
    expect(toApiQuery(state)).toEqual({ q: '长春', page: 1, size: 50, sort: 'name,asc' })
    expect(toExportQuery(state)).toEqual({ q: '长春', sort: 'name,asc' })
  })

  it('maps table header sorting to the server sort and back', () => {
    expect(sortFromTable('name', 'ascending')).toBe('name,asc')
    expect(sortFromTable('name', 'descending')).toBe('name,desc')
    expect(sortFromTable('name', null)).toBe('')
    expect(tableSort('beds,desc')).toEqual({ prop: 'beds', order: 'descending' })
    expect(tableSort('')).toBeUndefined()
  })

  it('goes back to the first page when a filter changes', () => {
    const state = { page: 4, size: 20, sort: '', filters: { q: 'a', level: 'TERTIARY' } }
    expect(withFilter(state, 'q', 'b')).toEqual({ ...state, page: 1, filters: { q: 'b', level: 'TERTIARY' } })
    expect(withFilter(state, 'level', '').filters).toEqual({ q: 'a' })
  })
})
