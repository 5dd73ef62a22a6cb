import { describe, expect, it } from 'vitest'
import type { FilingSummary, Technology } from '@/api/types'
import { activeTechnologies, filingStanding } from './filingStanding'

function technology(code: string, name: string): Technology {
  return {
    code,
    name,
    level: 'NATIONAL',
    levelLabel: '国家',
    jurisdiction: 'NATIONAL',
    catalogueEdition: '2022',
    status: 'IN_FORCE',
    statusLabel: '现行',
    specStatus: 'AVAILABLE',
    specStatusLabel: '有规范',
    history: [],
    specs: [],
  }
}

function filing(technology: string, state: FilingSummary['state']): FilingSummary {
  return { technology, state } as FilingSummary
}

const catalogue = [
  technology('G07', '放射性粒子植入治疗技术'),
  technology('G08', '肿瘤消融治疗技术'),
  technology('G10', '人工智能辅助治疗技术'),
]

describe('filingStanding', () => {
  it('puts the technologies with a filing in force first and marks those whose filing is under way', () => {
    const { groups, byCode } = filingStanding(catalogue, [
      filing('G08', 'ACTIVE'),
      filing('G08', 'REVOKED'),
      filing('G10', 'UNDER_EXPERT_REVIEW'),
      filing('G07', 'DRAFT'),
    ])
    expect(groups.map((g) => [g.label, g.technologies.map((t) => t.code)])).toEqual([
      ['本院备案有效', ['G08']],
      ['本院无有效备案', ['G07', 'G10']],
    ])
    expect(byCode.get('G10')).toMatchObject({ active: false, pending: true })
    expect(byCode.get('G07')).toMatchObject({ active: false, pending: false })
    expect(byCode.get('G08')).toMatchObject({ active: true, pending: false })
  })

  it('counts neither a suspended, rejected nor revoked filing as in force or under way', () => {
    const { groups, byCode } = filingStanding(catalogue, [
      filing('G07', 'SUSPENDED'),
      filing('G08', 'REJECTED'),
      filing('G10', 'REVOKED'),
    ])
    expect(groups.map((g) => g.key)).toEqual(['other'])
    expect([...byCode.values()].some((t) => t.active || t.pending)).toBe(false)
  })

  it('lists each technology in force once, sorted', () => {
    expect(
      activeTechnologies([filing('G10', 'ACTIVE'), filing('G08', 'ACTIVE'), filing('G10', 'ACTIVE')]),
    ).toEqual(['G08', 'G10'])
    expect(activeTechnologies([filing('G08', 'APPROVED')])).toEqual([])
  })
})
