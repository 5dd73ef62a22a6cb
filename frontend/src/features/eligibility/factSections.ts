import type { ClauseResult } from '@/api/types'

/** The sections of the institution page; each is read as a whole and edited on its own. */
export const INSTITUTION_SECTIONS = [
  { key: 'basic', title: '基本信息' },
  { key: 'licence', title: '医疗机构执业许可证' },
  { key: 'departments', title: '诊疗科目、科室及床位' },
  { key: 'facilities', title: '设施' },
  { key: 'equipment', title: '设备' },
  { key: 'rooms', title: '手术间' },
  { key: 'licences', title: '其他许可证' },
  { key: 'volumes', title: '开展情况与年度例数' },
] as const

export type InstitutionSection = (typeof INSTITUTION_SECTIONS)[number]['key']

/** The sections of the person page. */
export const PERSON_SECTIONS = [
  { key: 'basic', title: '基本信息' },
  { key: 'licence', title: '医师执业证书' },
  { key: 'titles', title: '专业技术职务任职资格' },
  { key: 'specialties', title: '专业方向' },
  { key: 'trainings', title: '培训记录' },
  { key: 'volumes', title: '年度例数' },
  { key: 'adverseEvents', title: '不良事件' },
] as const

export type PersonSection = (typeof PERSON_SECTIONS)[number]['key']

/**
 * Which institution section holds the facts a rule kind reads (the kinds of docs/spec-format.md). Rules about the
 * institution's qualified people point at its people tab (`people`), where the physicians' own records are edited.
 */
const INSTITUTION_RULE_SECTIONS: Record<string, InstitutionSection | 'people'> = {
  institutionLevel: 'basic',
  institutionType: 'basic',
  institutionSpecialty: 'basic',
  registeredSubject: 'departments',
  beds: 'departments',
  department: 'departments',
  facility: 'facilities',
  equipment: 'equipment',
  operatingRoom: 'rooms',
  licence: 'licences',
  performedYears: 'volumes',
  performsSubTechnique: 'volumes',
  institutionCases: 'volumes',
  qualifiedStaff: 'people',
  qualifiedTeam: 'people',
  instructors: 'people',
  instructorGroups: 'people',
}

/** Which person section holds the facts a person rule kind reads. */
const PERSON_RULE_SECTIONS: Record<string, PersonSection> = {
  physicianLicence: 'licence',
  staffRole: 'basic',
  clinicalExperience: 'basic',
  title: 'titles',
  titleTenure: 'titles',
  personCases: 'volumes',
  operatorCases: 'volumes',
  noSeriousAdverseEvent: 'adverseEvents',
  trainingRecord: 'trainings',
  traineeQualified: 'trainings',
}

/** A clause as the API sends it; `failedRuleKinds` names the rule kinds a NOT_MET clause fails. */
export type ClauseWithKinds = ClauseResult & { failedRuleKinds?: string[] | null }

/**
 * The section of the institution page whose facts decide a failing clause: the section of the first failed rule
 * kind that has one; null when the clause is not failing or no kind maps (a pure attestation).
 */
export function institutionSectionFor(clause: ClauseWithKinds): InstitutionSection | 'people' | null {
  for (const kind of clause.failedRuleKinds ?? []) {
    const section = INSTITUTION_RULE_SECTIONS[kind]
    if (section) return section
  }
  return null
}

/** The section of the person page whose facts decide a failing clause, as {@link institutionSectionFor}. */
export function personSectionFor(clause: ClauseWithKinds): PersonSection | null {
  for (const kind of clause.failedRuleKinds ?? []) {
    const section = PERSON_RULE_SECTIONS[kind]
    if (section) return section
  }
  return null
}

/** A section's title, for the link text ("去修改：设施"). */
export function sectionTitle(
  sections: readonly { key: string; title: string }[],
  key: string | null | undefined,
): string {
  if (key === 'people') return '人员'
  return sections.find((s) => s.key === key)?.title ?? ''
}
