import { describe, expect, it } from 'vitest'
import type { Region } from '@/api/types'
import { regionBelowProvince, regionPath } from './regions'

const node = (code: string, name: string, level: string, children: Region[] = []): Region => ({
  code,
  name,
  level,
  directAdmin: false,
  children,
})

const tree: Region[] = [
  node('220000', '吉林省', 'PROVINCE', [
    node('220100', '长春市', 'CITY', [node('220104', '朝阳区', 'COUNTY')]),
    node('229900', '长白山管委会', 'CITY'),
  ]),
]

describe('regionBelowProvince', () => {
  it('shows the path below the province, so equal district names are told apart', () => {
    expect(regionPath(tree, '220104')).toBe('吉林省 / 长春市 / 朝阳区')
    expect(regionBelowProvince(tree, '220104', '朝阳区')).toBe('长春市 / 朝阳区')
    expect(regionBelowProvince(tree, '229900', '长白山管委会')).toBe('长白山管委会')
    expect(regionBelowProvince(tree, '220000')).toBe('吉林省')
  })

  it("falls back to the server's name until the tree holds the code", () => {
    expect(regionBelowProvince([], '220104', '朝阳区')).toBe('朝阳区')
    expect(regionBelowProvince(tree, '110105', '朝阳区')).toBe('朝阳区')
    expect(regionBelowProvince(tree, null)).toBe('')
  })
})
