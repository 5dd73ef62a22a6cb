import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, reactive } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/api'
import type { DeviceView } from '@/api/types'
import type { DeviceRow } from './caseForm'
import DeviceScanner from './DeviceScanner.vue'
import { GS } from './devices'

/** The input of an Element Plus field (el-input puts the test id on its input). */
const field = (id: string) => `input[data-testid="${id}"], [data-testid="${id}"] input`

const CODE = `]C1010950600013435217250131${GS}10ABC123${GS}21S42`
/** What the field sends and the server keeps: each GS as the text <GS>. */
const SENT = ']C1010950600013435217250131<GS>10ABC123<GS>21S42'

function read(view: Partial<DeviceView> = {}) {
  return vi.fn(async (scanned: string): Promise<DeviceView> => ({
    scanned,
    type: 'GS1',
    gtin: '09506000134352',
    lot: 'ABC123',
    serial: 'S42',
    expiryDate: '2025-01-31',
    productionDate: null,
    registrationNo: null,
    name: null,
    singleUse: false,
    quantity: 1,
    expired: true,
    ...view,
  }))
}

/** The scanner inside a form, as in the case editor: the scanner's Enter must not submit it. */
/** The error an Element Plus form item shows (jsdom does not run its transition, so read the prop). */
function itemError(wrapper: ReturnType<typeof mountInForm>['wrapper'], id: string): string {
  const item = wrapper
    .findAllComponents({ name: 'ElFormItem' })
    .find((c) => c.attributes('data-testid') === id)
  if (!item) throw new Error(`no form item ${id}`)
  return item.classes().includes('is-error') ? String(item.props('error')) : ''
}

function mountInForm(
  reader: (s: string, operationDate?: string) => Promise<DeviceView>,
  form: { operationDate: string | null } = reactive({ operationDate: null }),
) {
  const rows = reactive<DeviceRow[]>([])
  const submitted = vi.fn()
  const Host = defineComponent({
    setup: () => () =>
      h('form', { onSubmit: (e: Event) => (e.preventDefault(), submitted()) }, [
        h(DeviceScanner, { rows, read: reader, operationDate: form.operationDate }),
        h('button', { type: 'submit' }, '提交'),
      ]),
  })
  const wrapper = mount(Host, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  return { wrapper, rows, submitted }
}

async function scan(wrapper: ReturnType<typeof mountInForm>['wrapper'], text: string) {
  const input = wrapper.get(field('device-scan'))
  await input.setValue(text)
  const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
  input.element.dispatchEvent(enter)
  await flushPromises()
  await wrapper.vm.$nextTick()
  await flushPromises()
  return enter
}

describe('DeviceScanner', { timeout: 30_000 }, () => {
  it('reads the code on Enter with its GS separators and fills a device row', async () => {
    const reader = read()
    const { wrapper, rows, submitted } = mountInForm(reader)
    const enter = await scan(wrapper, CODE)
    // the scanner's Enter is taken by the field: no implicit submission of the case form
    expect(enter.defaultPrevented).toBe(true)
    // sent with each GS as the text <GS> (the API refuses control characters)
    expect(reader).toHaveBeenCalledWith(SENT)
    expect(reader.mock.calls[0][0]).toContain('ABC123<GS>21')
    expect(submitted).not.toHaveBeenCalled()
    expect(rows[0].scanned).toBe(SENT)
    expect(rows).toHaveLength(1)
    expect(wrapper.get('[data-testid="device-gtin-0"]').text()).toBe('09506000134352')
    expect(wrapper.get('[data-testid="device-lot-0"]').text()).toBe('ABC123')
    expect(wrapper.get('[data-testid="device-serial-0"]').text()).toBe('S42')
    expect(wrapper.get('[data-testid="device-expired-0"]').text()).toBe('已过期')
    expect(wrapper.find('.device-expired').exists()).toBe(true)
    expect((wrapper.get(field('device-scan')).element as HTMLInputElement).value).toBe('')
    wrapper.unmount()
  })

  it('shows an unreadable barcode in Chinese under the field and keeps the text', async () => {
    const reader = vi.fn(async (scanned: string): Promise<DeviceView> => {
      throw new ApiError({
        instance: `/api/devices/read?scanned=${scanned.length}`,
        status: 400,
        code: 'INVALID_BARCODE',
        detail: '条码第 17 位校验码错误，应为 2',
      })
    })
    const { wrapper, rows } = mountInForm(reader)
    await scan(wrapper, '0109506000134353')
    expect(rows).toHaveLength(0)
    expect(itemError(wrapper, 'device-scan-item')).toBe('条码第 17 位校验码错误，应为 2')
    expect((wrapper.get(field('device-scan')).element as HTMLInputElement).value).toBe('0109506000134353')

    // the next good scan clears the message
    reader.mockImplementationOnce(read())
    await scan(wrapper, CODE)
    expect(itemError(wrapper, 'device-scan-item')).toBe('')
    expect(rows).toHaveLength(1)
    wrapper.unmount()
  })

  it("sends the form's operation date once it is a whole date not in the future, so expiry is judged on that day", async () => {
    const reader = read({ expired: false })
    const form = reactive<{ operationDate: string | null }>({ operationDate: null })
    const { wrapper } = mountInForm(reader, form)
    await scan(wrapper, CODE)
    expect(reader).toHaveBeenLastCalledWith(SENT)

    form.operationDate = '2025-01-2'
    await scan(wrapper, CODE)
    expect(reader).toHaveBeenLastCalledWith(SENT)

    form.operationDate = '2999-01-20'
    await scan(wrapper, CODE)
    expect(reader).toHaveBeenLastCalledWith(SENT)

    form.operationDate = '2025-01-20'
    await scan(wrapper, CODE)
    expect(reader).toHaveBeenLastCalledWith(SENT, '2025-01-20')
    expect(reader).toHaveBeenCalledTimes(4)
    wrapper.unmount()
  })

  it('refuses the same serialised device twice with a message', async () => {
    const { wrapper, rows } = mountInForm(read({ expired: false }))
    await scan(wrapper, CODE)
    await scan(wrapper, CODE)
    expect(rows).toHaveLength(1)
    expect(itemError(wrapper, 'device-scan-item')).toContain('同一器械不能重复登记')
    wrapper.unmount()
  })

  it('lets rows be edited and removed', async () => {
    const { wrapper, rows } = mountInForm(read({ expired: false }))
    await scan(wrapper, CODE)
    await wrapper.get(field('device-name-0')).setValue('射频消融电极')
    await wrapper.get(field('device-registration-0')).setValue('国械注准20203010001')
    expect(rows[0]).toMatchObject({ name: '射频消融电极', registrationNo: '国械注准20203010001' })
    await wrapper.get('[data-testid="device-remove-0"]').trigger('click')
    expect(rows).toHaveLength(0)
    wrapper.unmount()
  })
})
