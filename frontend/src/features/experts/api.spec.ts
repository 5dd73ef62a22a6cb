import { describe, expect, it } from 'vitest'
import { foldSpecialties } from './api'

describe('foldSpecialties', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => `技术${i + 1}`)

  it('shows up to five in full (folding one saves no room)', () => {
    expect(foldSpecialties(list(0))).toEqual({ shown: [], folded: [] })
    expect(foldSpecialties(list(5))).toEqual({ shown: list(5), folded: [] })
  })

  it('folds the rest after four, keeping their order for the tooltip', () => {
    const { shown, folded } = foldSpecialties(list(17))
    expect(shown).toEqual(list(4))
    expect(folded).toHaveLength(13)
    expect(folded[0]).toBe('技术5')
    expect([...shown, ...folded]).toEqual(list(17))
  })
})
