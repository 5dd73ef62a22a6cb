/** A case-form bundle shaped like GET /api/case-forms/G08 (test data for the specs). */
import type { CaseField, CaseFormBundle } from '@/api/types'

const f = (field: Partial<CaseField> & Pick<CaseField, 'key' | 'label' | 'type'>): CaseField => ({
  required: false,
  options: [],
  ...field,
})

export function g08Bundle(): CaseFormBundle {
  return {
    form: {
      key: 'G08-2023',
      technology: 'G08',
      edition: '2023',
      title: '肿瘤消融治疗病例',
      followUps: [{ period: 'P1M', label: '术后1个月' }],
      notes: ['按 G08 管理规范填写'],
      complicationTypes: [
        { code: 'MAJOR_BLEEDING', name: '大量出血' },
        { code: 'SEVERE_PNEUMOTHORAX', name: '严重气胸' },
        { code: 'OTHER', name: '其他' },
      ],
      fields: [
        f({
          key: 'organ',
          label: '消融器官',
          type: 'CHOICE',
          required: true,
          group: '病灶',
          options: [
            { code: 'LIVER', name: '肝' },
            { code: 'THYROID', name: '甲状腺' },
          ],
        }),
        f({
          key: 'ptaPercent',
          label: '凝血酶原活动度（PTA）',
          type: 'DECIMAL',
          unit: '%',
          min: 0,
          max: 100,
          required: true,
          group: '术前评估',
        }),
        f({
          key: 'lesionsPlanned',
          label: '计划消融病灶数',
          type: 'INTEGER',
          min: 0,
          max: 50,
          required: true,
          group: '病灶',
          warnIf: { below: 1, code: 'ZERO_LESIONS', message: '计划消融病灶数为 0' },
        }),
        f({
          key: 'preOpPathology',
          label: '术前病理',
          type: 'CHOICE',
          group: '病灶',
          requiredWhen: { field: 'organ', equals: 'THYROID' },
          options: [
            { code: 'BENIGN', name: '良性' },
            { code: 'MALIGNANT', name: '恶性' },
          ],
        }),
        f({ key: 'biopsyDone', label: '术前穿刺活检', type: 'BOOLEAN', group: '病灶' }),
        f({ key: 'imagingDate', label: '术后1个月增强影像日期', type: 'DATE', group: '疗效' }),
        f({ key: 'remark', label: '备注', type: 'TEXT', maxLength: 200 }),
      ],
    },
    commonFields: [
      f({
        key: 'medicalRecordNo',
        label: '病案号',
        type: 'TEXT',
        maxLength: 40,
        required: true,
        group: '患者',
      }),
      f({
        key: 'patientName',
        label: '患者姓名',
        type: 'TEXT',
        maxLength: 50,
        required: true,
        group: '患者',
      }),
      f({ key: 'patientIdNumber', label: '身份证号', type: 'TEXT', maxLength: 18, group: '患者' }),
      f({
        key: 'patientSex',
        label: '性别',
        type: 'CHOICE',
        required: true,
        group: '患者',
        options: [
          { code: 'M', name: '男' },
          { code: 'F', name: '女' },
        ],
      }),
      f({ key: 'subTechnique', label: '亚类', type: 'CHOICE', group: '手术' }),
      f({ key: 'procedureCodes', label: '手术编码', type: 'TEXT', group: '手术' }),
      f({ key: 'admissionDate', label: '入院日期', type: 'DATE', required: true, group: '住院' }),
      f({ key: 'operationDate', label: '手术日期', type: 'DATE', required: true, group: '手术' }),
      f({ key: 'dischargeDate', label: '出院日期', type: 'DATE', group: '住院' }),
      f({ key: 'deathDate', label: '死亡日期', type: 'DATE', group: '住院' }),
      f({ key: 'department', label: '科室', type: 'TEXT', maxLength: 60, required: true, group: '手术' }),
      f({ key: 'operator', label: '术者', type: 'PERSON', required: true, group: '手术' }),
      f({ key: 'assistants', label: '助手', type: 'PERSON', group: '手术' }),
      f({ key: 'informedConsent', label: '知情同意', type: 'BOOLEAN', required: true, group: '手术' }),
      f({ key: 'complications', label: '并发症', type: 'TEXT' }),
      f({ key: 'devices', label: '器械', type: 'TEXT' }),
    ],
    subTechniques: [{ code: 'G08-1', name: '经皮消融' }],
    routes: [],
    procedureCodes: [{ code: '50.2301', name: '肝病损射频消融术' }],
  }
}
