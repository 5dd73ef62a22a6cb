/**
 * The case form generated from its definition (GET /api/case-forms/{technology}): which control each field gets,
 * which rules it carries, when a field is required, the client-side checks mirroring the server's and the
 * CaseInput sent to it. Pure functions; CaseFormFields.vue renders what they describe, so a field added to a
 * case-form YAML needs no change here.
 */
import type {
  CaseCode,
  CaseComplication,
  CaseDeviceInput,
  CaseField,
  CaseFormBundle,
  CaseInput,
  CaseView,
  DeviceView,
} from '@/api/types'
import { isIsoDate, todayIso } from '@/app/dates'

export type FieldErrors = Record<string, string>

/** The Element Plus control a field is rendered with. */
export type ControlKind =
  'text' | 'integer' | 'decimal' | 'date' | 'boolean' | 'choice' | 'person' | 'persons' | 'codes'

/** One rendered field: where its value lives in the model (and the server reports its errors), and how to show it. */
export interface FieldControl {
  path: string
  field: CaseField
  kind: ControlKind
  options: { value: string; label: string }[]
  /** For numbers: decimal places (0 for INTEGER; null for DECIMAL = as typed). */
  precision: number | null
}

export interface FieldGroup {
  title: string
  controls: FieldControl[]
}

/** A device row of the form: what the scanner read plus what the clerk adds. */
export interface DeviceRow extends CaseDeviceInput {
  type: string | null
  gtin: string | null
  lot: string | null
  serial: string | null
  expiryDate: string | null
  productionDate: string | null
  expired: boolean
}

/** The form's state: one value per field path, and the two lists with their own sections. */
export interface CaseModel {
  values: Record<string, unknown>
  complications: CaseComplication[]
  devices: DeviceRow[]
}

/** Common fields rendered by their own sections (editable tables), not by the generic field grid. */
export const LIST_FIELDS = new Set(['complications', 'devices'])

/** Common field keys that are lists of values. */
const MULTI_VALUE_FIELDS = new Set(['assistants', 'procedureCodes'])

/** Common field key → its place in CaseInput (the rest keep their key). */
const INPUT_PATHS: Record<string, string> = {
  patientName: 'patient.name',
  patientIdNumber: 'patient.idNumber',
  patientPhone: 'patient.phone',
  patientSex: 'patient.sex',
  patientBirthDate: 'patient.birthDate',
  operator: 'operatorId',
  assistants: 'assistantIds',
}

const FROM_INPUT_PATH: Record<string, string> = Object.fromEntries(
  Object.entries(INPUT_PATHS).map(([key, path]) => [path, key]),
)

export const DEFAULT_COMMON_GROUP = '基本信息'

export const CLAVIEN_DINDO_GRADES = ['I', 'II', 'III', 'IV', 'V']

/**
 * 严重并发症 as the national QC indicators define it (肿瘤消融治疗技术临床应用管理规范 2023 年版 一（七）注3), shown
 * beside the 严重 checkbox of each complication row.
 */
export const SERIOUS_COMPLICATION_HELP =
  '严重并发症：包括导致患者护理级别提升或住院时间延长、需要进一步住院治疗或者临床处理、致残或者死亡等（质控指标注3）。Clavien-Dindo IV、V 级必为严重并发症。'

/** A new, empty complication row. */
export function emptyComplication(): CaseComplication {
  return { name: '', onsetDate: null, grade: null, type: null, serious: false }
}

/** The model path of a field: common fields by their key, technology fields under `fields.`. */
export function fieldPath(field: CaseField, common: boolean): string {
  return common ? field.key : `fields.${field.key}`
}

/**
 * Where a server error lands: `patient.name` → `patientName`, `operatorId` → `operator`,
 * `assistantIds[1]` → `assistants`; `fields.x`, `complications[0].name`, `devices[2].scanned` stay.
 */
export function errorPath(serverField: string): string {
  if (!serverField) return ''
  if (FROM_INPUT_PATH[serverField]) return FROM_INPUT_PATH[serverField]
  const indexed = /^([a-zA-Z.]+)\[\d+\]$/.exec(serverField)
  if (indexed && FROM_INPUT_PATH[indexed[1]]) return FROM_INPUT_PATH[indexed[1]]
  if (indexed && MULTI_VALUE_FIELDS.has(indexed[1])) return indexed[1]
  return serverField
}

/** Server errors (`errors[{field, message}]`) as messages by model path (first message wins). */
export function serverErrors(errors: { field: string; message: string }[] | undefined): FieldErrors {
  const map: FieldErrors = {}
  for (const e of errors ?? []) {
    const path = errorPath(e.field)
    if (path && !(path in map)) map[path] = e.message
  }
  return map
}

function codeOptions(codes: (CaseCode | string)[] | undefined): { value: string; label: string }[] {
  return (codes ?? []).map((c) =>
    typeof c === 'string'
      ? { value: c, label: c }
      : { value: c.code, label: c.name ? `${c.code} ${c.name}` : c.code },
  )
}

/** The control of a field: its type, widened to a list for assistants and procedure codes. */
export function controlKind(field: CaseField): ControlKind {
  switch (field.type) {
    case 'TEXT':
      return field.key === 'procedureCodes' ? 'codes' : 'text'
    case 'INTEGER':
      return 'integer'
    case 'DECIMAL':
      return 'decimal'
    case 'DATE':
      return 'date'
    case 'BOOLEAN':
      return 'boolean'
    case 'CHOICE':
      return 'choice'
    case 'PERSON':
      return field.key === 'assistants' ? 'persons' : 'person'
    default:
      return 'text'
  }
}

/** The control descriptor of one field; code lists fall back to the bundle's lists from the spec. */
export function controlFor(field: CaseField, common: boolean, bundle?: CaseFormBundle): FieldControl {
  const kind = controlKind(field)
  let options = (field.options ?? []).map((o) => ({ value: o.code, label: o.name }))
  if (common && bundle && !options.length) {
    if (field.key === 'subTechnique') options = codeOptions(bundle.subTechniques)
    else if (field.key === 'route') options = codeOptions(bundle.routes)
    else if (field.key === 'procedureCodes') options = codeOptions(bundle.procedureCodes)
  }
  return {
    path: fieldPath(field, common),
    field,
    kind,
    options,
    precision: kind === 'integer' ? 0 : null,
  }
}

/**
 * The generated form: common fields first, then the technology's fields, grouped by `group` in the order
 * groups first appear. List fields (complications, devices) are left to their own sections.
 */
export function formGroups(bundle: CaseFormBundle): FieldGroup[] {
  const groups: FieldGroup[] = []
  const add = (title: string, control: FieldControl) => {
    let group = groups.find((g) => g.title === title)
    if (!group) groups.push((group = { title, controls: [] }))
    group.controls.push(control)
  }
  for (const field of bundle.commonFields) {
    if (LIST_FIELDS.has(field.key)) continue
    add(field.group || DEFAULT_COMMON_GROUP, controlFor(field, true, bundle))
  }
  for (const field of bundle.form.fields) {
    add(field.group || bundle.form.title || '专项信息', controlFor(field, false, bundle))
  }
  return groups
}

/** Every field control of the form, in order. */
export function allControls(bundle: CaseFormBundle): FieldControl[] {
  return formGroups(bundle).flatMap((g) => g.controls)
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  )
}

/** The value a requiredWhen condition refers to: the technology field of that key, else the common field. */
function conditionValue(bundle: CaseFormBundle, model: CaseModel, key: string): unknown {
  if (bundle.form.fields.some((f) => f.key === key)) return model.values[`fields.${key}`]
  return model.values[key]
}

/** Whether a field must be filled in now: always when required, or when its requiredWhen condition holds. */
export function isRequired(control: FieldControl, bundle: CaseFormBundle, model: CaseModel): boolean {
  const { field } = control
  if (field.required) return true
  const when = field.requiredWhen
  if (!when) return false
  const common = !control.path.startsWith('fields.')
  const value = common ? model.values[when.field] : conditionValue(bundle, model, when.field)
  if (value === null || value === undefined) return false
  return String(value) === String(when.equals)
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** GB 11643: 17 digits, then the check digit (0–9 or X) computed from them. */
export function validIdNumber(value: string): boolean {
  const id = value.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0)
  return ID_CHECK[sum % 11] === id[17]
}

function numberRange(field: CaseField): string {
  const unit = field.unit ? ` ${field.unit}` : ''
  if (field.min != null && field.max != null) return `应在 ${field.min}–${field.max}${unit} 之间`
  if (field.min != null) return `不能小于 ${field.min}${unit}`
  return `不能大于 ${field.max}${unit}`
}

function checkField(control: FieldControl, value: unknown, required: boolean): string | null {
  const { field, kind } = control
  if (isEmpty(value)) {
    if (!required) return null
    const choose = ['date', 'boolean', 'choice', 'person', 'persons'].includes(kind)
    return `请${choose ? '选择' : '填写'}${field.label}`
  }
  switch (kind) {
    case 'text': {
      const text = String(value)
      if (field.maxLength != null && text.length > field.maxLength)
        return `不能超过 ${field.maxLength} 个字符`
      if (field.key === 'patientIdNumber' && !validIdNumber(text)) return '身份证号码格式或校验位不正确'
      return null
    }
    case 'integer':
    case 'decimal': {
      const n = typeof value === 'number' ? value : Number(value)
      if (!Number.isFinite(n)) return '请填写数字'
      if (kind === 'integer' && !Number.isInteger(n)) return '应为整数'
      if ((field.min != null && n < Number(field.min)) || (field.max != null && n > Number(field.max)))
        return numberRange(field)
      return null
    }
    case 'date':
      return isIsoDate(value) ? null : '日期格式应为 yyyy-MM-dd'
    case 'choice': {
      const options = control.options
      if (options.length && !options.some((o) => o.value === value)) return '不是可选的值'
      return null
    }
    default:
      return null
  }
}

/** Dates of a case that cannot lie in the future, with their names in messages. */
const NOT_FUTURE: Record<string, string> = {
  patientBirthDate: '出生日期',
  admissionDate: '入院日期',
  operationDate: '手术日期',
  dischargeDate: '出院日期',
  deathDate: '死亡日期',
}

/**
 * Date order of the case (admission ≤ operation ≤ discharge, death ≥ operation, birth ≤ operation) and no date
 * after today, errors on the later field — as the server checks them.
 */
export function dateOrderErrors(values: Record<string, unknown>, today: string = todayIso()): FieldErrors {
  const errors: FieldErrors = {}
  const d = (key: string) => (isIsoDate(values[key]) ? (values[key] as string) : null)
  for (const [key, label] of Object.entries(NOT_FUTURE)) {
    const date = d(key)
    if (date && date > today) errors[key] = `${label}不能晚于今天（${today}）`
  }
  const admission = d('admissionDate')
  const operation = d('operationDate')
  const discharge = d('dischargeDate')
  const death = d('deathDate')
  const birth = d('patientBirthDate')
  if (birth && operation && birth > operation && !errors.patientBirthDate)
    errors.patientBirthDate = `出生日期不能晚于手术日期（${operation}）`
  if (admission && operation && operation < admission)
    errors.operationDate = `手术日期不能早于入院日期（${admission}）`
  if (operation && discharge && discharge < operation)
    errors.dischargeDate = `出院日期不能早于手术日期（${operation}）`
  else if (admission && discharge && discharge < admission)
    errors.dischargeDate = `出院日期不能早于入院日期（${admission}）`
  if (operation && death && death < operation) errors.deathDate = `死亡日期不能早于手术日期（${operation}）`
  return errors
}

/** Fields a draft needs: what identifies the case. */
export const DRAFT_REQUIRED = new Set(['medicalRecordNo'])

/**
 * Client-side checks mirroring the server's; keys are model paths (the server's error fields, see errorPath).
 * A draft (`draft: true`) may still lack required fields, except those identifying it.
 */
export function validateCase(
  bundle: CaseFormBundle,
  model: CaseModel,
  options: { draft?: boolean; today?: string } = {},
): FieldErrors {
  const errors: FieldErrors = {}
  for (const control of allControls(bundle)) {
    const required = options.draft ? DRAFT_REQUIRED.has(control.path) : isRequired(control, bundle, model)
    const message = checkField(control, model.values[control.path], required)
    if (message) errors[control.path] = message
  }
  for (const [path, message] of Object.entries(dateOrderErrors(model.values, options.today))) {
    if (!errors[path]) errors[path] = message
  }
  model.complications.forEach((c, i) => {
    if (!c.name?.trim()) errors[`complications[${i}].name`] = '请填写并发症名称'
    else if (c.name.length > 100) errors[`complications[${i}].name`] = '不能超过 100 个字符'
    const operation = isIsoDate(model.values.operationDate) ? model.values.operationDate : null
    if (c.onsetDate && !isIsoDate(c.onsetDate))
      errors[`complications[${i}].onsetDate`] = '日期格式应为 yyyy-MM-dd'
    else if (c.onsetDate && operation && c.onsetDate < operation)
      errors[`complications[${i}].onsetDate`] = `发生日期不能早于手术日期（${operation}）`
    if (c.grade && !CLAVIEN_DINDO_GRADES.includes(c.grade))
      errors[`complications[${i}].grade`] = '分级应为 Clavien-Dindo I–V 级'
    const types = bundle.form.complicationTypes ?? []
    if (c.type && !types.some((t) => t.code === c.type))
      errors[`complications[${i}].type`] = types.length
        ? '请从列表中选择并发症类型'
        : '本技术的病例表单不区分并发症类型'
    if (c.serious === false && (c.grade === 'IV' || c.grade === 'V'))
      errors[`complications[${i}].serious`] = `Clavien-Dindo ${c.grade} 级属严重并发症`
  })
  model.devices.forEach((row, i) => {
    if (!row.scanned) errors[`devices[${i}].scanned`] = '请扫描或输入器械条码'
    if (row.quantity != null && (!Number.isInteger(row.quantity) || row.quantity < 1))
      errors[`devices[${i}].quantity`] = '数量应为正整数'
  })
  return errors
}

/** Procedure codes typed as text: separated by ; ； , ， or whitespace. */
export function splitCodes(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean)
  if (typeof value !== 'string') return []
  return value
    .split(/[;；,，\s]+/)
    .map((c) => c.trim())
    .filter(Boolean)
}

function textOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const text = String(value).trim()
  return text === '' ? null : text
}

function valueOrNull(value: unknown): unknown {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return null
  return typeof value === 'string' ? value.trim() : value
}

/** The CaseInput the server expects, built from the model. */
export function buildCaseInput(
  bundle: CaseFormBundle,
  model: CaseModel,
  institutionId: string | null = null,
): CaseInput {
  const v = model.values
  const fields: Record<string, unknown> = {}
  for (const field of bundle.form.fields) {
    const value = valueOrNull(v[`fields.${field.key}`])
    if (value !== null) fields[field.key] = value
  }
  const input: CaseInput = {
    institutionId,
    technology: bundle.form.technology,
    subTechnique: textOrNull(v.subTechnique),
    route: textOrNull(v.route),
    procedureCodes: splitCodes(v.procedureCodes),
    medicalRecordNo: textOrNull(v.medicalRecordNo) ?? '',
    inpatientNo: textOrNull(v.inpatientNo),
    patient: {
      name: textOrNull(v.patientName),
      idNumber: textOrNull(v.patientIdNumber)?.toUpperCase() ?? null,
      phone: textOrNull(v.patientPhone),
      sex: textOrNull(v.patientSex),
      birthDate: textOrNull(v.patientBirthDate),
    },
    admissionDate: textOrNull(v.admissionDate),
    operationDate: textOrNull(v.operationDate),
    dischargeDate: textOrNull(v.dischargeDate),
    department: textOrNull(v.department),
    operatorId: textOrNull(v.operator),
    assistantIds: Array.isArray(v.assistants) ? (v.assistants as string[]) : [],
    informedConsent: typeof v.informedConsent === 'boolean' ? v.informedConsent : null,
    complications: model.complications.map((c) => ({
      name: c.name.trim(),
      onsetDate: c.onsetDate || null,
      grade: c.grade || null,
      type: c.type || null,
      serious: typeof c.serious === 'boolean' ? c.serious : null,
    })),
    deathDate: textOrNull(v.deathDate),
    dischargeStatus: textOrNull(v.dischargeStatus),
    fields,
    devices: model.devices.map((d) => ({
      scanned: d.scanned,
      registrationNo: textOrNull(d.registrationNo),
      name: textOrNull(d.name),
      singleUse: d.singleUse,
      quantity: d.quantity,
    })),
  }
  // common fields the contract does not name yet travel under their own key
  const known = new Set([...Object.keys(INPUT_PATHS), ...Object.keys(input), ...LIST_FIELDS])
  for (const field of bundle.commonFields) {
    if (!known.has(field.key))
      (input as unknown as Record<string, unknown>)[field.key] = valueOrNull(v[field.key])
  }
  return input
}

/** An empty model for a new case; operationDate prefilled when given. */
export function emptyModel(operationDate: string | null = null): CaseModel {
  return { values: operationDate ? { operationDate } : {}, complications: [], devices: [] }
}

/** A device row from what the server read or stored. */
export function deviceRow(view: Partial<DeviceView> & { scanned: string }): DeviceRow {
  return {
    scanned: view.scanned,
    type: view.type ?? null,
    gtin: view.gtin ?? null,
    lot: view.lot ?? null,
    serial: view.serial ?? null,
    expiryDate: view.expiryDate ?? null,
    productionDate: view.productionDate ?? null,
    registrationNo: view.registrationNo ?? null,
    name: view.name ?? null,
    singleUse: view.singleUse ?? null,
    quantity: view.quantity ?? 1,
    expired: view.expired ?? false,
  }
}

/** The model of a stored case (draft to edit further, or a submitted case to amend). */
export function modelFromCase(view: CaseView): CaseModel {
  const values: Record<string, unknown> = {
    subTechnique: view.subTechnique,
    route: view.route,
    procedureCodes: [...(view.procedureCodes ?? [])],
    medicalRecordNo: view.medicalRecordNo,
    inpatientNo: view.inpatientNo,
    patientName: view.patient?.name ?? null,
    patientPhone: null,
    patientSex: view.patient?.sex ?? null,
    patientBirthDate: view.patient?.birthDate ?? null,
    admissionDate: view.admissionDate,
    operationDate: view.operationDate,
    dischargeDate: view.dischargeDate,
    department: view.department,
    operator: view.operatorId,
    assistants: [...(view.assistantIds ?? [])],
    informedConsent: view.informedConsent,
    deathDate: view.deathDate,
    dischargeStatus: view.dischargeStatus,
  }
  for (const [key, value] of Object.entries(view.fields ?? {})) values[`fields.${key}`] = value
  return {
    values,
    complications: (view.complications ?? []).map((c) => ({ ...c })),
    devices: (view.devices ?? []).map((d) => deviceRow(d)),
  }
}

/** Display text of a stored value of a field (read-only views). */
export function displayValue(
  control: FieldControl,
  value: unknown,
  people: Record<string, string> = {},
): string {
  if (isEmpty(value)) return '—'
  switch (control.kind) {
    case 'boolean':
      return value === true ? '是' : value === false ? '否' : String(value)
    case 'choice':
      return control.options.find((o) => o.value === value)?.label ?? String(value)
    case 'person':
      return people[String(value)] ?? String(value)
    case 'persons':
    case 'codes':
      return (Array.isArray(value) ? value : [value]).map((x) => people[String(x)] ?? String(x)).join('、')
    default:
      return control.field.unit ? `${String(value)} ${control.field.unit}` : String(value)
  }
}

/** The label of a field path as the form shows it (`patient.name` → 患者姓名, `fields.ptaPercent` → its label). */
export function pathLabel(bundle: CaseFormBundle | null, path: string): string {
  if (!bundle) return path
  const target = errorPath(path)
  const control = allControls(bundle).find((c) => c.path === target || c.path === `fields.${target}`)
  if (control) return control.field.label
  const list = /^(complications|devices)\[(\d+)\](?:\.(\w+))?$/.exec(path)
  if (list) {
    const what = list[1] === 'complications' ? '并发症' : '器械'
    return `${what}第 ${Number(list[2]) + 1} 条${list[3] ? `·${LIST_ITEM_LABELS[list[3]] ?? list[3]}` : ''}`
  }
  if (path === 'complications') return '并发症'
  if (path === 'devices') return '器械/耗材'
  return path
}

const LIST_ITEM_LABELS: Record<string, string> = {
  name: '名称',
  onsetDate: '发生日期',
  grade: '分级',
  type: '类型',
  serious: '严重并发症',
  scanned: '条码',
  registrationNo: '注册证号',
  singleUse: '一次性',
  quantity: '数量',
}
