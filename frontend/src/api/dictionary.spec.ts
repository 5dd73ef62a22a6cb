import { afterEach, describe, expect, it, vi } from 'vitest'
import { codeLabel, codeOptions, loadDictionary, regionLabel, setDictionary } from './dictionary'

const DICTIONARY = {
  version: 'abc',
  groups: {
    equipment: [
      { code: 'ELECTRIC_DERMATOME', label: '电动取皮刀' },
      { code: 'SKIN_MESHER', label: '皮肤拉网机' },
    ],
    region: [{ code: '000000', label: '全国' }],
  },
}

afterEach(() => {
  setDictionary(null)
  vi.unstubAllGlobals()
})

describe('code dictionary', () => {
  it('labels codes from the server dictionary, else the fallback, else the code', () => {
    expect(codeLabel('equipment', 'ELECTRIC_DERMATOME')).toBe('ELECTRIC_DERMATOME')
    expect(codeLabel('equipment', 'ELECTRIC_DERMATOME', { ELECTRIC_DERMATOME: '本地名称' })).toBe('本地名称')
    setDictionary(DICTIONARY)
    expect(codeLabel('equipment', 'ELECTRIC_DERMATOME', { ELECTRIC_DERMATOME: '本地名称' })).toBe(
      '电动取皮刀',
    )
    expect(codeLabel('equipment', 'UNKNOWN_KIND')).toBe('UNKNOWN_KIND')
    expect(codeLabel('equipment', null)).toBe('—')
    expect(codeOptions('equipment').map((o) => o.label)).toEqual(['电动取皮刀', '皮肤拉网机'])
  })

  it('names the whole country instead of 000000', () => {
    expect(regionLabel('000000')).toBe('全国')
    expect(regionLabel('220000', (c) => (c === '220000' ? '吉林省' : ''))).toBe('吉林省')
    expect(regionLabel('229999')).toBe('229999')
  })

  it('fetches the dictionary once and shares it', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify(DICTIONARY), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    )
    vi.stubGlobal('fetch', fetch)
    await Promise.all([loadDictionary(), loadDictionary()])
    await loadDictionary()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(codeLabel('equipment', 'SKIN_MESHER')).toBe('皮肤拉网机')
  })
})
