import { describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import CaseFormFields from './CaseFormFields.vue'
import { emptyModel } from './caseForm'
import { g08Bundle } from './fixtures'

function mountFields() {
  const model = reactive(emptyModel())
  const wrapper = mount(CaseFormFields, {
    props: {
      bundle: g08Bundle(),
      model,
      errors: { 'fields.ptaPercent': '应在 0–100 % 之间' },
      people: [
        {
          id: 'p-1',
          name: '李医生',
          roles: ['PHYSICIAN'],
          institutionId: 'i',
          institutionName: null,
          currentTitle: null,
          currentTitleLabel: '主任医师',
        },
      ],
    },
    global: { plugins: [ElementPlus] },
  })
  return { wrapper, model }
}

const item = (wrapper: ReturnType<typeof mountFields>['wrapper'], path: string) =>
  wrapper
    .findAllComponents({ name: 'ElFormItem' })
    .find((c) => c.attributes('data-testid') === `case-field-${path}-item`)!

describe('CaseFormFields', { timeout: 30_000 }, () => {
  it('renders each field type with its Element Plus control', () => {
    const { wrapper } = mountFields()
    const control = (path: string, name: string) => item(wrapper, path).findAllComponents({ name }).length > 0
    expect(control('medicalRecordNo', 'ElInput')).toBe(true)
    expect(control('fields-ptaPercent', 'ElInputNumber')).toBe(true)
    expect(control('fields-lesionsPlanned', 'ElInputNumber')).toBe(true)
    expect(control('admissionDate', 'ElDatePicker')).toBe(true)
    expect(control('informedConsent', 'ElRadioGroup')).toBe(true)
    expect(control('fields-organ', 'ElSelect')).toBe(true)
    expect(control('operator', 'ElSelect')).toBe(true)
    expect(item(wrapper, 'fields-ptaPercent').text()).toContain('%')
    expect(item(wrapper, 'fields-ptaPercent').findComponent({ name: 'ElInputNumber' }).props()).toMatchObject(
      {
        min: 0,
        max: 100,
      },
    )
    expect(
      item(wrapper, 'fields-lesionsPlanned').findComponent({ name: 'ElInputNumber' }).props('precision'),
    ).toBe(0)
    expect(item(wrapper, 'medicalRecordNo').find('input').attributes('maxlength')).toBe('40')
    expect(item(wrapper, 'assistants').findComponent({ name: 'ElSelect' }).props('multiple')).toBe(true)
  })

  it('shows the group titles of the definition and errors at their fields', () => {
    const { wrapper } = mountFields()
    const titles = wrapper.findAll('.form-section-title').map((t) => t.text())
    expect(titles).toEqual(['患者', '手术', '住院', '病灶', '术前评估', '疗效', '肿瘤消融治疗病例'])
    expect(item(wrapper, 'fields-ptaPercent').props('error')).toBe('应在 0–100 % 之间')
  })

  it('marks a field required while its requiredWhen condition holds', async () => {
    const { wrapper, model } = mountFields()
    expect(item(wrapper, 'fields-preOpPathology').props('required')).toBe(false)
    expect(item(wrapper, 'fields-organ').props('required')).toBe(true)
    model.values['fields.organ'] = 'THYROID'
    await wrapper.vm.$nextTick()
    expect(item(wrapper, 'fields-preOpPathology').props('required')).toBe(true)
    expect(item(wrapper, 'fields-preOpPathology').classes()).toContain('is-required')
  })

  it('writes what is typed into the model under the field path', async () => {
    const { wrapper, model } = mountFields()
    await item(wrapper, 'medicalRecordNo').get('input').setValue('BA-1')
    await item(wrapper, 'informedConsent').findAll('input[type="radio"]')[1].setValue(true)
    expect(model.values.medicalRecordNo).toBe('BA-1')
    expect(model.values.informedConsent).toBe(false)
  })
})
