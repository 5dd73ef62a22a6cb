import { describe, expect, it } from 'vitest'

// Every page or component that shows a code through the dictionary must ask for the dictionary
// itself: labels fall back to the raw code until it has loaded, and a page opened directly (a
// bookmark, a link in an alert) would otherwise show codes such as "DSA" instead of 数字减影血管造影（DSA）.
const sources = import.meta.glob('../**/*.vue', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>

describe('dictionary use', () => {
  it('finds the components to check', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20)
  })

  it('every component that labels codes loads the dictionary', () => {
    const missing = Object.entries(sources)
      .filter(([, text]) => /\b(codeLabel|codeOptions|regionLabel)\(/.test(text))
      .filter(([, text]) => !/\b(useDictionary|loadDictionary)\(/.test(text))
      .map(([path]) => path)
    expect(missing).toEqual([])
  })
})
