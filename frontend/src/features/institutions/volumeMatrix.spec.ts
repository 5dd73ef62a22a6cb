import { describe, expect, it } from 'vitest'
import { monthsLabel, volumeMatrix } from './volumeMatrix'

describe('volumeMatrix', () => {
  it('puts one line per technology and sub-technique with a cell per year, monthly rows summed', () => {
    const { years, lines } = volumeMatrix([
      { technology: 'G08', year: 2025, cases: 1610 },
      { technology: 'G08', year: 2026, month: 2, cases: 140 },
      { technology: 'G08', year: 2026, month: 1, cases: 130 },
      { technology: 'G08', subTechnique: 'RFA', year: 2025, cases: 620 },
      { technology: 'G07', year: 2024, cases: 305 },
    ])
    expect(years).toEqual([2024, 2025, 2026])
    expect(lines.map((l) => `${l.technology}/${l.subTechnique ?? ''}`)).toEqual(['G07/', 'G08/', 'G08/RFA'])
    expect(lines[1]?.cells[2025]).toEqual({ cases: 1610, months: [] })
    expect(lines[1]?.cells[2026]).toEqual({ cases: 270, months: [1, 2] })
    expect(lines[0]?.cells[2025]).toBeUndefined()
  })

  it('is empty for no rows or a list not recorded', () => {
    expect(volumeMatrix(null)).toEqual({ years: [], lines: [] })
    expect(volumeMatrix([])).toEqual({ years: [], lines: [] })
  })
})

describe('monthsLabel', () => {
  it('names the months a partial year covers', () => {
    expect(monthsLabel([])).toBe('')
    expect(monthsLabel([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe('1–10 月')
    expect(monthsLabel([1, 3])).toBe('1、3 月')
    expect(monthsLabel([7])).toBe('7 月')
  })
})
