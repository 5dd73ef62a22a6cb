import { describe, expect, it } from 'vitest'
import type { ClauseResult } from '@/api/types'
import { sectionOfPath as institutionSectionOfPath } from '@/features/institutions/validation'
import { sectionOfPath as personSectionOfPath } from '@/features/personnel/validation'
import {
  INSTITUTION_SECTIONS,
  PERSON_SECTIONS,
  institutionSectionFor,
  personSectionFor,
  sectionTitle,
} from './factSections'

function clause(
  failedRuleKinds: string[] | undefined,
  status = 'NOT_MET',
): ClauseResult & { failedRuleKinds?: string[] } {
  return {
    ref: '一(五)',
    citation: 'G08/2022 一(五)',
    section: 'INSTITUTION',
    sectionLabel: '医疗机构基本要求',
    text: '…',
    status: status as ClauseResult['status'],
    statusLabel: '不符合',
    explanation: '',
    actual: null,
    required: null,
    evidence: [],
    failedRuleKinds: failedRuleKinds ?? [],
  }
}

describe('institutionSectionFor', () => {
  it('maps the failed rule kind of a clause to the section holding its facts', () => {
    expect(institutionSectionFor(clause(['facility']))).toBe('facilities')
    expect(institutionSectionFor(clause(['equipment']))).toBe('equipment')
    expect(institutionSectionFor(clause(['operatingRoom']))).toBe('rooms')
    expect(institutionSectionFor(clause(['beds']))).toBe('departments')
    expect(institutionSectionFor(clause(['registeredSubject']))).toBe('departments')
    expect(institutionSectionFor(clause(['licence']))).toBe('licences')
    expect(institutionSectionFor(clause(['institutionCases']))).toBe('volumes')
    expect(institutionSectionFor(clause(['performedYears']))).toBe('volumes')
    expect(institutionSectionFor(clause(['institutionLevel']))).toBe('basic')
    expect(institutionSectionFor(clause(['qualifiedStaff']))).toBe('people')
  })

  it('takes the first kind that maps, and nothing for a clause without failed kinds', () => {
    expect(institutionSectionFor(clause(['facility', 'operatingRoom']))).toBe('facilities')
    expect(institutionSectionFor(clause(['someFutureKind', 'equipment']))).toBe('equipment')
    expect(institutionSectionFor(clause([]))).toBeNull()
    expect(institutionSectionFor(clause(undefined, 'MET'))).toBeNull()
    expect(institutionSectionFor(clause(['trainingRecord']))).toBeNull()
  })
})

describe('personSectionFor', () => {
  it('maps person rule kinds to the person page sections', () => {
    expect(personSectionFor(clause(['physicianLicence']))).toBe('licence')
    expect(personSectionFor(clause(['titleTenure']))).toBe('titles')
    expect(personSectionFor(clause(['title']))).toBe('titles')
    expect(personSectionFor(clause(['personCases']))).toBe('volumes')
    expect(personSectionFor(clause(['operatorCases']))).toBe('volumes')
    expect(personSectionFor(clause(['noSeriousAdverseEvent']))).toBe('adverseEvents')
    expect(personSectionFor(clause(['trainingRecord']))).toBe('trainings')
    expect(personSectionFor(clause(['clinicalExperience']))).toBe('basic')
    expect(personSectionFor(clause(['facility']))).toBeNull()
  })
})

describe('sections', () => {
  it('every mapped section exists on its page, with a Chinese title', () => {
    const kinds = [
      'facility',
      'equipment',
      'operatingRoom',
      'beds',
      'licence',
      'institutionCases',
      'institutionLevel',
    ]
    for (const kind of kinds) {
      const section = institutionSectionFor(clause([kind]))
      expect(sectionTitle(INSTITUTION_SECTIONS, section)).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(sectionTitle(INSTITUTION_SECTIONS, 'people')).toBe('人员')
    for (const s of PERSON_SECTIONS) expect(sectionTitle(PERSON_SECTIONS, s.key)).toBe(s.title)
  })

  it('puts each field path in the section whose editor shows it', () => {
    expect(institutionSectionOfPath('departments[2].beds')).toBe('departments')
    expect(institutionSectionOfPath('registeredSubjects[0]')).toBe('departments')
    expect(institutionSectionOfPath('licences[0].validUntil')).toBe('licences')
    expect(institutionSectionOfPath('licence.number')).toBe('licence')
    expect(institutionSectionOfPath('operatingRooms[1].cleanGrade')).toBe('rooms')
    expect(institutionSectionOfPath('firstCases.G08')).toBe('volumes')
    expect(institutionSectionOfPath('subTechniques.S04')).toBe('volumes')
    expect(institutionSectionOfPath('name')).toBe('basic')
    expect(personSectionOfPath('titles[0].since')).toBe('titles')
    expect(personSectionOfPath('operatorVolumes[0].cases')).toBe('volumes')
    expect(personSectionOfPath('licence.issuedOn')).toBe('licence')
    expect(personSectionOfPath('clinicalStart')).toBe('basic')
  })
})
