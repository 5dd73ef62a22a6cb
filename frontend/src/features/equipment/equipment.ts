import { http, upload } from '@/api/http'
import type {
  EquipmentInput,
  EquipmentRecordInput,
  EquipmentRegister,
  EquipmentRegisterSummary,
  EquipmentScheduleInput,
  EquipmentUnit,
} from '@/api/types'

/** The equipment register's API (docs/equipment.md). */
export const equipmentApi = {
  register: (institutionId?: string) =>
    http.get<EquipmentRegister>('/api/equipment', { query: institutionId ? { institutionId } : {} }),
  overview: () => http.get<EquipmentRegisterSummary[]>('/api/equipment/overview'),
  create: (institutionId: string, input: EquipmentInput) =>
    http.post<EquipmentUnit>('/api/equipment', input, { query: { institutionId } }),
  update: (id: string, input: EquipmentInput) =>
    http.put<EquipmentUnit>(`/api/equipment/${encodeURIComponent(id)}`, input),
  addSchedule: (id: string, input: EquipmentScheduleInput) =>
    http.post<EquipmentUnit>(`/api/equipment/${encodeURIComponent(id)}/schedules`, input),
  addRecord: (id: string, scheduleId: string, input: EquipmentRecordInput) =>
    http.post<EquipmentUnit>(
      `/api/equipment/${encodeURIComponent(id)}/schedules/${encodeURIComponent(scheduleId)}/records`,
      input,
    ),
  attach: (id: string, purpose: string, file: File, recordId?: string) =>
    upload<EquipmentUnit>(`/api/equipment/${encodeURIComponent(id)}/attachments`, file, {
      fields: recordId ? { purpose, recordId } : { purpose },
    }),
  attachmentUrl: (id: string, attachmentId: string) =>
    `/api/equipment/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`,
}

/** Longest texts the server accepts (EquipmentManagement). */
export const MAX_TEXT = 100
export const MAX_NOTE = 500

/** 医疗器械注册证编号 or 第一类备案编号, as the server checks it. */
export const REGISTRATION_NUMBER =
  /^(?:\p{Script=Han}械注[准进许]\d{4}[123]\d{6}|\p{Script=Han}{1,3}械备\d{8}号)$/u

/** An empty form for a new unit. */
export function emptyInput(): EquipmentInput {
  return {
    kind: '',
    registrationNumber: '',
    manufacturer: '',
    model: '',
    serialNumber: '',
    installedOn: '',
    status: 'IN_SERVICE',
    location: '',
    note: '',
    version: undefined,
  }
}

/** The form for an existing unit. */
export function inputOf(unit: EquipmentUnit): EquipmentInput {
  return {
    kind: unit.kind,
    registrationNumber: unit.registrationNumber ?? '',
    manufacturer: unit.manufacturer,
    model: unit.model,
    serialNumber: unit.serialNumber,
    installedOn: unit.installedOn,
    status: unit.status,
    location: unit.location ?? '',
    note: unit.note ?? '',
    version: unit.version,
  }
}

/** Field → Chinese problem, for what the form can check before sending (the server checks again). */
export function inputProblems(input: EquipmentInput, today: string): Record<string, string> {
  const problems: Record<string, string> = {}
  if (!input.kind) problems.kind = '请选择设备类型'
  const registration = (input.registrationNumber ?? '').trim()
  if (registration && !REGISTRATION_NUMBER.test(registration))
    problems.registrationNumber =
      '格式应为如“国械注进20173301234”的注册证编号或如“吉长械备20150001号”的备案编号'
  for (const [field, label] of [
    ['manufacturer', '生产企业'],
    ['model', '型号'],
    ['serialNumber', '序列号'],
  ] as const) {
    const value = (input[field] ?? '').trim()
    if (!value) problems[field] = `${label}不能为空`
    else if (value.length > MAX_TEXT) problems[field] = `${label}不能超过 ${MAX_TEXT} 个字`
  }
  if (!input.installedOn) problems.installedOn = '安装日期不能为空'
  else if (input.installedOn > today) problems.installedOn = '安装日期不能晚于今天'
  if ((input.location ?? '').length > MAX_TEXT) problems.location = `放置地点不能超过 ${MAX_TEXT} 个字`
  if ((input.note ?? '').length > MAX_NOTE) problems.note = `备注不能超过 ${MAX_NOTE} 个字`
  return problems
}

/** Element Plus tag type of a unit's status. */
export function statusTagType(status: string): 'success' | 'warning' | 'danger' | 'info' {
  if (status === 'IN_SERVICE') return 'success'
  if (status === 'UNDER_REPAIR') return 'warning'
  if (status === 'OUT_OF_SERVICE') return 'danger'
  return 'info'
}

/** Label of the "by whom" field of a record: the agency for a third-party safety test. */
export function performerLabel(scheduleKind: string): string {
  return scheduleKind === 'SAFETY_TEST' ? '检测机构' : '执行人'
}
