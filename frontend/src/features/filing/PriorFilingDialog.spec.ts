import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import PriorFilingDialog from './PriorFilingDialog.vue'

const INSTITUTIONS = [
  {
    id: 'sj',
    name: '吉林省松江肿瘤医院',
    regionCode: '220104',
    regionName: '朝阳区',
    level: 'TERTIARY_A',
    levelLabel: '三级甲等',
    type: 'SPECIALTY',
    typeLabel: '专科医院',
    beds: 800,
  },
]

const TECHNOLOGIES = [
  { code: 'G08', name: '肿瘤消融治疗技术', level: 'NATIONAL', status: 'IN_FORCE' },
  { code: 'S04', name: '旧技术', level: 'PROVINCIAL', status: 'WITHDRAWN' },
]

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function problem(status: number, code: string, detail: string) {
  return new Response(JSON.stringify({ status, code, title: '备案请求无效', detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

function registered() {
  return {
    id: 'f9',
    institutionName: '吉林省松江肿瘤医院',
    technology: 'G08',
    state: 'ACTIVE',
    activatedOn: '2023-11-22',
    origin: 'PRIOR_REGISTRATION',
  }
}

async function mountDialog(post: (init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') return post(init)
    if (url.startsWith('/api/institutions')) return json(INSTITUTIONS)
    if (url.startsWith('/api/technologies')) return json(TECHNOLOGIES)
    return json([])
  })
  vi.stubGlobal('fetch', fetchMock)
  const wrapper = mount(PriorFilingDialog, {
    props: { modelValue: true },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, fetchMock }
}

function el<T extends Element = HTMLElement>(selector: string): T {
  const found = document.querySelector(selector)
  if (!found) throw new Error(`not found: ${selector}`)
  return found as T
}

async function type(selector: string, value: string, event = 'input') {
  const input = el<HTMLInputElement | HTMLTextAreaElement>(selector)
  input.value = value
  input.dispatchEvent(new Event(event))
  await flushPromises()
}

async function pick(testid: string) {
  el(`[data-testid="${testid}"]`).click()
  await flushPromises()
}

async function date(testid: string, value: string) {
  await type(`[data-testid="${testid}"] input`, value)
  await type(`[data-testid="${testid}"] input`, value, 'change')
}

async function fill() {
  await pick('prior-filing-institution-吉林省松江肿瘤医院')
  await pick('prior-filing-technology-G08')
  await date('prior-filing-approved-on', '2023-11-22')
  await date('prior-filing-first-case', '2023-12-12')
  await type('input[data-testid="prior-filing-document-no"]', ' 吉卫医发〔2023〕88号 ')
  await type('textarea[data-testid="prior-filing-note"]', '依原纸质材料登记')
}

describe('PriorFilingDialog', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    vi.unstubAllGlobals()
  })

  it('offers the institutions the server lists for the authority and technologies in force only', async () => {
    const { wrapper, fetchMock } = await mountDialog(() => json(registered(), 201))
    expect(fetchMock.mock.calls.some((c) => String(c[0]).startsWith('/api/institutions'))).toBe(true)
    expect(
      document.querySelector('[data-testid="prior-filing-institution-吉林省松江肿瘤医院"]'),
    ).not.toBeNull()
    expect(document.querySelector('[data-testid="prior-filing-technology-G08"]')).not.toBeNull()
    expect(document.querySelector('[data-testid="prior-filing-technology-S04"]')).toBeNull()
    wrapper.unmount()
  })

  it('names every missing field and sends nothing', async () => {
    const { wrapper, fetchMock } = await mountDialog(() => json(registered(), 201))
    el('[data-testid="prior-filing-submit"]').click()
    await flushPromises()
    const errors = el('[data-testid="prior-filing-errors"]').textContent ?? ''
    expect(errors).toContain('请选择医疗机构')
    expect(errors).toContain('请选择限制类技术')
    expect(errors).toContain('请填写批准日期')
    expect(errors).toContain('请填写批准文号/备案号')
    expect(
      fetchMock.mock.calls.filter((c) => (c[1] as RequestInit | undefined)?.method === 'POST'),
    ).toHaveLength(0)
    wrapper.unmount()
  })

  it('registers the paper approval with its dates and document number and reports the filing', async () => {
    const { wrapper, fetchMock } = await mountDialog(() => json(registered(), 201))
    await fill()
    el('[data-testid="prior-filing-submit"]').click()
    await flushPromises()
    const post = fetchMock.mock.calls.find((c) => (c[1] as RequestInit | undefined)?.method === 'POST')!
    expect(post[0]).toBe('/api/filings/prior')
    expect(JSON.parse(String((post[1] as RequestInit).body))).toEqual({
      institutionId: 'sj',
      technology: 'G08',
      approvedOn: '2023-11-22',
      documentNo: '吉卫医发〔2023〕88号',
      firstCaseDate: '2023-12-12',
      note: '依原纸质材料登记',
    })
    expect(wrapper.emitted('registered')?.[0]?.[0]).toMatchObject({ id: 'f9', origin: 'PRIOR_REGISTRATION' })
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false])
    wrapper.unmount()
  })

  it('stays open when the server refuses (e.g. not the review authority)', async () => {
    const { wrapper } = await mountDialog(() =>
      problem(403, 'FORBIDDEN', '吉林省松江肿瘤医院 的 G08 备案由吉林省审查决定，存量备案只能由该机关登记'),
    )
    await fill()
    el('[data-testid="prior-filing-submit"]').click()
    await flushPromises()
    expect(wrapper.emitted('registered')).toBeUndefined()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    wrapper.unmount()
  })
})
