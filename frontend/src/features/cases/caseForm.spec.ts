import { describe, expect, it } from 'vitest'
import type { CaseFormBundle } from '@/api/types'
import {
  allControls,
  buildCaseInput,
  controlFor,
  dateOrderErrors,
  emptyComplication,
  emptyModel,
  errorPath,
  formGroups,
  isRequired,
  pathLabel,
  SERIOUS_COMPLICATION_HELP,
  serverErrors,
  splitCodes,
  validateCase,
  validIdNumber,
  type CaseModel,
} from './caseForm'
import { g08Bundle } from './fixtures'

/** The checks as of a fixed day, so no test depends on the machine's date. */
const TODAY = '2026-11-30'
const validate = (bundle: CaseFormBundle, model: CaseModel, options: { draft?: boolean } = {}) =>
  validateCase(bundle, model, { today: TODAY, ...options })
const dateOrder = (values: Record<string, unknown>) => dateOrderErrors(values, TODAY)

function control(bundle: CaseFormBundle, path: string) {
  const c = allControls(bundle).find((x) => x.path === path)
  if (!c) throw new Error(`no control ${path}`)
  return c
}

/** A model passing every check of the G08 bundle. */
function complete(): CaseModel {
  const model = emptyModel()
  Object.assign(model.values, {
    medicalRecordNo: 'BA-2026-001',
    patientName: '张三',
    patientSex: 'M',
    admissionDate: '2026-11-01',
    operationDate: '2026-11-03',
    dischargeDate: '2026-11-08',
    department: '介入科',
    operator: 'p-1',
    informedConsent: true,
    'fields.organ': 'LIVER',
    'fields.ptaPercent': 95.5,
    'fields.lesionsPlanned': 2,
  })
  return model
}

describe('field → control mapping', () => {
  it('gives each field type its control and keeps technology fields under fields.', () => {
    const bundle = g08Bundle()
    const kinds = Object.fromEntries(allControls(bundle).map((c) => [c.path, c.kind]))
    expect(kinds).toMatchObject({
      medicalRecordNo: 'text',
      patientSex: 'choice',
      admissionDate: 'date',
      operator: 'person',
      assistants: 'persons',
      procedureCodes: 'codes',
      informedConsent: 'boolean',
      'fields.ptaPercent': 'decimal',
      'fields.lesionsPlanned': 'integer',
      'fields.organ': 'choice',
      'fields.biopsyDone': 'boolean',
      'fields.imagingDate': 'date',
      'fields.remark': 'text',
    })
    expect(control(bundle, 'fields.lesionsPlanned').precision).toBe(0)
    expect(control(bundle, 'fields.ptaPercent').precision).toBeNull()
  })

  it('leaves complications and devices to their own sections', () => {
    const paths = allControls(g08Bundle()).map((c) => c.path)
    expect(paths).not.toContain('complications')
    expect(paths).not.toContain('devices')
  })

  it('takes sub-technique and procedure-code options from the spec lists when the field has none', () => {
    const bundle = g08Bundle()
    expect(control(bundle, 'subTechnique').options).toEqual([{ value: 'G08-1', label: 'G08-1 经皮消融' }])
    expect(control(bundle, 'procedureCodes').options[0].value).toBe('50.2301')
    expect(control(bundle, 'fields.organ').options.map((o) => o.value)).toEqual(['LIVER', 'THYROID'])
  })

  it('groups fields in the order groups first appear, common fields first', () => {
    const groups = formGroups(g08Bundle()).map((g) => g.title)
    expect(groups).toEqual(['患者', '手术', '住院', '病灶', '术前评估', '疗效', '肿瘤消融治疗病例'])
  })

  it('renders a field added to the definition without any code knowing it', () => {
    const bundle = g08Bundle()
    bundle.form.fields.push({
      key: 'ecog',
      label: 'ECOG 评分',
      type: 'INTEGER',
      required: true,
      min: 0,
      max: 5,
      group: '评估',
      options: [],
    })
    const ecog = control(bundle, 'fields.ecog')
    expect(ecog.kind).toBe('integer')
    expect(formGroups(bundle).map((g) => g.title)).toContain('评估')
    const model = complete()
    expect(validate(bundle, model)['fields.ecog']).toBe('请填写ECOG 评分')
    model.values['fields.ecog'] = 7
    expect(validate(bundle, model)['fields.ecog']).toBe('应在 0–5 之间')
    model.values['fields.ecog'] = 1
    expect(buildCaseInput(bundle, model).fields.ecog).toBe(1)
  })
})

describe('requiredWhen', () => {
  it('requires pre-op pathology only while the organ is the thyroid', () => {
    const bundle = g08Bundle()
    const model = complete()
    const pathology = control(bundle, 'fields.preOpPathology')
    expect(isRequired(pathology, bundle, model)).toBe(false)
    expect(validate(bundle, model)['fields.preOpPathology']).toBeUndefined()

    model.values['fields.organ'] = 'THYROID'
    expect(isRequired(pathology, bundle, model)).toBe(true)
    expect(validate(bundle, model)['fields.preOpPathology']).toBe('请选择术前病理')

    model.values['fields.preOpPathology'] = 'BENIGN'
    expect(validate(bundle, model)).toEqual({})
  })

  it('compares booleans by their text', () => {
    const bundle = g08Bundle()
    bundle.form.fields.push({
      key: 'biopsyResult',
      label: '活检结果',
      type: 'TEXT',
      required: false,
      options: [],
      requiredWhen: { field: 'biopsyDone', equals: 'true' },
    })
    const model = complete()
    const c = control(bundle, 'fields.biopsyResult')
    model.values['fields.biopsyDone'] = false
    expect(isRequired(c, bundle, model)).toBe(false)
    model.values['fields.biopsyDone'] = true
    expect(isRequired(c, bundle, model)).toBe(true)
  })
})

describe('client-side checks', () => {
  it('accepts a complete case', () => {
    expect(validate(g08Bundle(), complete())).toEqual({})
  })

  it('reports required fields, lengths, ranges and integers at their paths', () => {
    const bundle = g08Bundle()
    const model = complete()
    model.values.patientName = '  '
    model.values.medicalRecordNo = 'X'.repeat(41)
    model.values['fields.ptaPercent'] = 100.5
    model.values['fields.lesionsPlanned'] = 1.5
    model.values.operator = null
    const errors = validate(bundle, model)
    expect(errors).toEqual({
      patientName: '请填写患者姓名',
      medicalRecordNo: '不能超过 40 个字符',
      'fields.ptaPercent': '应在 0–100 % 之间',
      'fields.lesionsPlanned': '应为整数',
      operator: '请选择术者',
    })
  })

  it('lets a draft lack required fields except the 病案号', () => {
    const bundle = g08Bundle()
    const errors = validate(bundle, emptyModel(), { draft: true })
    expect(errors).toEqual({ medicalRecordNo: '请填写病案号' })
  })

  it('checks the ID number with the GB 11643 check digit', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true)
    expect(validIdNumber('110105194912310021')).toBe(false)
    expect(validIdNumber('11010519491231002')).toBe(false)
    const model = complete()
    model.values.patientIdNumber = '110105194912310021'
    expect(validate(g08Bundle(), model).patientIdNumber).toBe('身份证号码格式或校验位不正确')
  })

  it('rejects a choice that is not offered', () => {
    const model = complete()
    model.values.patientSex = 'X'
    expect(validate(g08Bundle(), model).patientSex).toBe('不是可选的值')
  })

  it('checks complication and device rows', () => {
    const model = complete()
    model.complications.push({ name: '', onsetDate: '2026-13-01', grade: 'VI', type: null, serious: false })
    model.devices.push({
      scanned: '',
      registrationNo: null,
      name: null,
      singleUse: null,
      quantity: 0,
      type: null,
      gtin: null,
      lot: null,
      serial: null,
      expiryDate: null,
      productionDate: null,
      expired: false,
    })
    expect(validate(g08Bundle(), model)).toEqual({
      'complications[0].name': '请填写并发症名称',
      'complications[0].onsetDate': '日期格式应为 yyyy-MM-dd',
      'complications[0].grade': '分级应为 Clavien-Dindo I–V 级',
      'devices[0].scanned': '请扫描或输入器械条码',
      'devices[0].quantity': '数量应为正整数',
    })
  })

  it('takes complication types from the form and wants grade IV and V serious', () => {
    const model = complete()
    model.complications.push({
      name: '腹腔大出血',
      onsetDate: null,
      grade: 'III',
      type: 'MAJOR_BLEEDING',
      serious: true,
    })
    model.complications.push({
      name: '吻合口瘘',
      onsetDate: null,
      grade: 'II',
      type: 'ANASTOMOTIC_LEAK',
      serious: true,
    })
    model.complications.push({
      name: '多器官功能衰竭',
      onsetDate: null,
      grade: 'V',
      type: 'OTHER',
      serious: false,
    })
    expect(validate(g08Bundle(), model)).toEqual({
      'complications[1].type': '请从列表中选择并发症类型',
      'complications[2].serious': 'Clavien-Dindo V 级属严重并发症',
    })
    expect(pathLabel(g08Bundle(), 'complications[1].type')).toBe('并发症第 2 条·类型')
    expect(pathLabel(g08Bundle(), 'complications[2].serious')).toBe('并发症第 3 条·严重并发症')
  })

  it('starts a new complication row as not serious and without type', () => {
    expect(emptyComplication()).toEqual({
      name: '',
      onsetDate: null,
      grade: null,
      type: null,
      serious: false,
    })
    expect(SERIOUS_COMPLICATION_HELP).toContain('护理级别提升或住院时间延长')
  })
})

describe('date order', () => {
  it('wants admission ≤ operation ≤ discharge and death ≥ operation', () => {
    expect(
      dateOrder({
        admissionDate: '2026-11-05',
        operationDate: '2026-11-03',
        dischargeDate: '2026-11-02',
        deathDate: '2026-11-01',
      }),
    ).toEqual({
      operationDate: '手术日期不能早于入院日期（2026-11-05）',
      dischargeDate: '出院日期不能早于手术日期（2026-11-03）',
      deathDate: '死亡日期不能早于手术日期（2026-11-03）',
    })
  })

  it('allows the same day and ignores missing dates', () => {
    expect(
      dateOrder({
        admissionDate: '2026-11-03',
        operationDate: '2026-11-03',
        dischargeDate: '2026-11-03',
      }),
    ).toEqual({})
    expect(dateOrder({ operationDate: '2026-11-03' })).toEqual({})
  })

  it('compares discharge with admission when the operation date is missing', () => {
    expect(dateOrder({ admissionDate: '2026-11-05', dischargeDate: '2026-11-01' })).toEqual({
      dischargeDate: '出院日期不能早于入院日期（2026-11-05）',
    })
  })

  it('allows no date after today, birth after the operation or a complication before it', () => {
    expect(
      dateOrder({
        admissionDate: '2026-12-01',
        operationDate: '2026-12-02',
        patientBirthDate: '2026-11-01',
      }),
    ).toEqual({
      admissionDate: '入院日期不能晚于今天（2026-11-30）',
      operationDate: '手术日期不能晚于今天（2026-11-30）',
    })
    expect(dateOrder({ operationDate: '2026-11-03', patientBirthDate: '2026-11-04' })).toEqual({
      patientBirthDate: '出生日期不能晚于手术日期（2026-11-03）',
    })
    const model = complete()
    model.complications.push({ name: '出血', onsetDate: '2026-11-02', grade: 'II' })
    expect(validate(g08Bundle(), model)).toEqual({
      'complications[0].onsetDate': '发生日期不能早于手术日期（2026-11-03）',
    })
  })

  it('is part of validateCase', () => {
    const model = complete()
    model.values.dischargeDate = '2026-11-02'
    expect(validate(g08Bundle(), model)).toEqual({
      dischargeDate: '出院日期不能早于手术日期（2026-11-03）',
    })
  })
})

describe('building CaseInput', () => {
  it('maps common fields to CaseInput and technology fields into fields', () => {
    const model = complete()
    Object.assign(model.values, {
      patientIdNumber: '11010519491231002x',
      assistants: ['p-2', 'p-3'],
      procedureCodes: ['50.2301', ' 50.2302 '],
      subTechnique: 'G08-1',
      'fields.remark': '  ',
      'fields.biopsyDone': false,
    })
    model.complications.push({ name: ' 发热 ', onsetDate: '', grade: 'I', type: 'OTHER', serious: false })
    const input = buildCaseInput(g08Bundle(), model, 'inst-1')
    expect(input).toMatchObject({
      institutionId: 'inst-1',
      technology: 'G08',
      subTechnique: 'G08-1',
      route: null,
      procedureCodes: ['50.2301', '50.2302'],
      medicalRecordNo: 'BA-2026-001',
      patient: { name: '张三', idNumber: '11010519491231002X', sex: 'M', phone: null, birthDate: null },
      admissionDate: '2026-11-01',
      operationDate: '2026-11-03',
      dischargeDate: '2026-11-08',
      department: '介入科',
      operatorId: 'p-1',
      assistantIds: ['p-2', 'p-3'],
      informedConsent: true,
      complications: [{ name: '发热', onsetDate: null, grade: 'I', type: 'OTHER', serious: false }],
      deathDate: null,
      devices: [],
    })
    // blanks are left out, false is kept
    expect(input.fields).toEqual({ organ: 'LIVER', ptaPercent: 95.5, lesionsPlanned: 2, biopsyDone: false })
  })

  it('splits procedure codes typed as text', () => {
    expect(splitCodes('50.2301；50.2302, 50.2303，50.24 ')).toEqual([
      '50.2301',
      '50.2302',
      '50.2303',
      '50.24',
    ])
  })

  it('keeps an unanswered consent as null, not false', () => {
    const model = complete()
    model.values.informedConsent = undefined
    expect(buildCaseInput(g08Bundle(), model).informedConsent).toBeNull()
  })
})

describe('server errors', () => {
  it('land on the field that shows them', () => {
    expect(errorPath('patient.name')).toBe('patientName')
    expect(errorPath('patient.idNumber')).toBe('patientIdNumber')
    expect(errorPath('operatorId')).toBe('operator')
    expect(errorPath('assistantIds[1]')).toBe('assistants')
    expect(errorPath('procedureCodes[0]')).toBe('procedureCodes')
    expect(errorPath('fields.ptaPercent')).toBe('fields.ptaPercent')
    expect(errorPath('devices[2].scanned')).toBe('devices[2].scanned')
    expect(
      serverErrors([
        { field: 'operationDate', message: '手术日期不能早于入院日期' },
        { field: 'operationDate', message: '第二条' },
        { field: 'patient.name', message: '请填写患者姓名' },
      ]),
    ).toEqual({ operationDate: '手术日期不能早于入院日期', patientName: '请填写患者姓名' })
  })

  it('controlFor works for a common field without a bundle', () => {
    const c = controlFor(
      { key: 'operator', label: '术者', type: 'PERSON', required: true, options: [] },
      true,
    )
    expect(c).toMatchObject({ path: 'operator', kind: 'person', options: [] })
  })
})
