import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import RowEditor from './RowEditor.vue'
import { type RowColumn, cellError } from './rowEditor'

const COLUMNS: RowColumn[] = [
  { key: 'kind', label: '类别', type: 'select', options: [{ value: 'ICU', label: '重症监护室（ICU）' }] },
  { key: 'count', label: '数量', type: 'number', min: 0 },
  { key: 'note', label: '备注' },
  { key: 'state', label: '状态', type: 'slot' },
]

function mountEditor(initial: Record<string, unknown>[], errors: Record<string, string> = {}) {
  const rows = ref(initial)
  const wrapper = mount(
    defineComponent({
      setup: () => () =>
        h(
          RowEditor,
          {
            modelValue: rows.value,
            'onUpdate:modelValue': (v: Record<string, unknown>[]) => (rows.value = v),
            path: 'facilities',
            columns: COLUMNS,
            newRow: () => ({ kind: '', count: 1, note: '' }),
            addLabel: '添加设施',
            errors,
          },
          {
            'cell-state': ({ row }: { row: Record<string, unknown> }) =>
              h('span', { class: 'state' }, `共 ${row.count}`),
          },
        ),
    }),
    { global: { plugins: [ElementPlus] } },
  )
  return { wrapper, rows }
}

describe('RowEditor', () => {
  it('renders one row per item with a header per column and the slot column', () => {
    const { wrapper } = mountEditor([
      { kind: 'ICU', count: 2, note: 'a' },
      { kind: 'PACU', count: 1, note: 'b' },
    ])
    expect(wrapper.findAll('thead th').map((t) => t.text())).toEqual(['类别', '数量', '备注', '状态', ''])
    expect(wrapper.findAll('tbody tr[data-testid^="row-facilities-"]')).toHaveLength(2)
    expect(wrapper.findAll('.state').map((s) => s.text())).toEqual(['共 2', '共 1'])
    expect(
      (wrapper.get('[data-testid="cell-facilities-1-note"] input').element as HTMLInputElement).value,
    ).toBe('b')
  })

  it('adds a new blank row and removes the chosen one, in the bound list', async () => {
    const { wrapper, rows } = mountEditor([
      { kind: 'ICU', count: 2, note: 'a' },
      { kind: 'PACU', count: 1, note: 'b' },
    ])
    await wrapper.get('[data-testid="row-add-facilities"]').trigger('click')
    expect(rows.value).toHaveLength(3)
    expect(rows.value[2]).toEqual({ kind: '', count: 1, note: '' })
    await wrapper.get('[data-testid="row-remove-facilities-0"]').trigger('click')
    expect(rows.value.map((r) => r.kind)).toEqual(['PACU', ''])
  })

  it('edits a text cell into the row', async () => {
    const { wrapper, rows } = mountEditor([{ kind: 'ICU', count: 2, note: '' }])
    await wrapper.get('[data-testid="cell-facilities-0-note"] input').setValue('东院区')
    expect(rows.value[0]?.note).toBe('东院区')
  })

  it('shows a field error under its cell only', () => {
    const { wrapper } = mountEditor([{ kind: 'ICU', count: -1, note: '' }], {
      'facilities[0].count': '应为非负整数',
    })
    expect(wrapper.get('[data-testid="cell-facilities-0-count"]').classes()).toContain('is-error')
    const item = wrapper
      .findAllComponents({ name: 'ElFormItem' })
      .find((c) => c.attributes('data-testid') === 'cell-facilities-0-count')
    expect(item?.props('error')).toBe('应为非负整数')
    expect(wrapper.get('[data-testid="cell-facilities-0-kind"]').classes()).not.toContain('is-error')
  })

  it('says so when there are no rows', () => {
    const { wrapper } = mountEditor([])
    expect(wrapper.text()).toContain('暂无记录')
  })
})

describe('cellError', () => {
  it('finds the error of the cell, or of its extra keys', () => {
    const errors = { 'licences[1].validUntil': '有效期止不能早于有效期起' }
    expect(cellError(errors, 'licences', 1, { key: 'validFrom', errorKeys: ['validUntil'] })).toBe(
      '有效期止不能早于有效期起',
    )
    expect(cellError(errors, 'licences', 0, { key: 'validFrom', errorKeys: ['validUntil'] })).toBe('')
    expect(cellError(undefined, 'licences', 0, { key: 'kind' })).toBe('')
  })
})
