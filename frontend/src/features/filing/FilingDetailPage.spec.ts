import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Filing } from '@/api/types'
import FilingDetailPage from './FilingDetailPage.vue'

function filing(overrides: Partial<Filing>): Filing {
  return {
    id: 'f1',
    version: 5,
    institutionId: 'i1',
    institutionName: '长春市中心医院',
    institutionRegionCode: '220102',
    technology: 'S03',
    technologyName: '颅颌面畸形颅面外科矫治术',
    technologyLevel: 'PROVINCIAL',
    technologyLevelLabel: '省级',
    state: 'UNDER_EXPERT_REVIEW',
    stateLabel: '专家审查中',
    origin: 'WORKFLOW',
    originLabel: '平台备案',
    receivingRegionCode: '220100',
    receivingRegionName: '长春市',
    reviewRegionCode: '220100',
    reviewRegionName: '长春市',
    holderRegionCode: '220100',
    holderRegionName: '长春市',
    path: ['220100'],
    pathAuthorities: ['长春市卫生健康委员会'],
    firstCaseDate: '2026-11-02',
    filingDeadline: '2026-11-23',
    lateFiling: false,
    actionDueOn: '2026-12-18',
    overdue: true,
    submittedOn: '2026-11-20',
    assessment: null,
    attestations: [],
    pendingAttestations: [],
    committeeOpinions: [],
    documents: [],
    experts: [
      { userId: 'e1', name: '专家一', verdict: 'AGREE', verdictLabel: '同意', text: '同意', at: null },
    ],
    decision: null,
    licenceNote: null,
    cancellationRequested: false,
    ending: null,
    revocationProposal: null,
    steps: [
      {
        action: 'SUBMIT',
        actionLabel: '提交备案',
        fromState: 'SELF_ASSESSED',
        toState: 'SUBMITTED',
        regionCode: '220100',
        actor: { userId: 'u1', name: '医务科张三', role: 'HOSPITAL_CLERK', roleLabel: '医务科' },
        at: '2026-11-20T02:00:00Z',
        opinion: null,
      },
      {
        action: 'RECEIVE',
        actionLabel: '受理',
        fromState: 'SUBMITTED',
        toState: 'RECEIVED',
        regionCode: '220100',
        actor: {
          userId: 'u2',
          name: '长春市卫健委',
          role: 'CITY_AUTHORITY',
          roleLabel: '市（州）级卫生健康行政部门',
        },
        at: '2026-11-21T02:00:00Z',
        opinion: '材料齐全，予以受理',
      },
    ],
    allowedActions: ['decision'],
    ...overrides,
  }
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function mountPage(fetchMock: ReturnType<typeof vi.fn>) {
  vi.stubGlobal('fetch', fetchMock)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }],
  })
  const wrapper = mount(FilingDetailPage, {
    props: { id: 'f1' },
    global: { plugins: [ElementPlus, router] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

describe('FilingDetailPage', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows state, overdue flag, timeline and the decision buttons of the review authority', async () => {
    const wrapper = await mountPage(vi.fn(async () => json(filing({}))))
    expect(wrapper.get('[data-testid="filing-state"]').text()).toBe('专家审查中')
    expect(wrapper.find('[data-testid="filing-overdue"]').exists()).toBe(true)
    const buttons = wrapper.findAll('[data-testid^="filing-action-"]').map((b) => b.text())
    expect(buttons).toEqual(['审查通过', '退回补充', '不予备案'])
    const steps = wrapper.findAll('[data-testid="filing-step"]')
    expect(steps).toHaveLength(2)
    expect(steps[1].text()).toContain('受理')
    expect(steps[1].text()).toContain('长春市卫健委')
    expect(steps[1].text()).toContain('材料齐全，予以受理')
    wrapper.unmount()
  })

  it('shows no buttons to a reader and the hospital panels only when allowed', async () => {
    const readOnly = await mountPage(
      vi.fn(async () => json(filing({ state: 'ACTIVE', stateLabel: '备案有效', allowedActions: [] }))),
    )
    expect(readOnly.findAll('[data-testid^="filing-action-"]')).toHaveLength(0)
    expect(readOnly.find('[data-testid="filing-no-actions"]').exists()).toBe(true)
    expect(readOnly.find('[data-testid="committee-form"]').exists()).toBe(false)
    readOnly.unmount()

    const clerk = await mountPage(
      vi.fn(async () =>
        json(
          filing({
            state: 'SELF_ASSESSED',
            stateLabel: '已自评',
            allowedActions: ['self-assessment', 'attestations', 'committee-opinions', 'documents', 'submit'],
          }),
        ),
      ),
    )
    expect(clerk.findAll('[data-testid^="filing-action-"]').map((b) => b.text())).toEqual([
      '自评（冻结评估结果）',
      '提交备案',
    ])
    expect(clerk.find('[data-testid="committee-form"]').exists()).toBe(true)
    expect(clerk.find('[data-testid="document-form"]').exists()).toBe(true)
    clerk.unmount()
  })

  it('approves with reasons and shows the new state', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        return json(
          filing({ version: 6, state: 'APPROVED', stateLabel: '审查通过', allowedActions: ['activate'] }),
        )
      }
      return json(filing({}))
    })
    const wrapper = await mountPage(fetchMock)
    await wrapper.get('[data-testid="filing-action-approve"]').trigger('click')
    await flushPromises()
    const confirm = document.querySelector('[data-testid="dialog-confirm"]') as HTMLButtonElement
    confirm.click()
    await flushPromises()
    expect(document.querySelector('[data-testid="dialog-error"]')?.textContent).toContain('请填写审查意见')
    const reasons = document.querySelector('textarea[data-testid="dialog-reasons"]') as HTMLTextAreaElement
    reasons.value = '符合管理规范要求，同意备案'
    reasons.dispatchEvent(new Event('input'))
    await flushPromises()
    confirm.click()
    await flushPromises()
    const post = fetchMock.mock.calls.find((c) => (c[1] as RequestInit | undefined)?.method === 'POST')!
    expect(post[0]).toBe('/api/filings/f1/decision')
    expect(JSON.parse(String((post[1] as RequestInit).body))).toEqual({
      version: 5,
      decision: 'APPROVED',
      reasons: '符合管理规范要求，同意备案',
    })
    expect(wrapper.get('[data-testid="filing-state"]').text()).toBe('审查通过')
    expect(wrapper.findAll('[data-testid^="filing-action-"]').map((b) => b.text())).toEqual([
      '备注执业许可证并生效',
    ])
    wrapper.unmount()
  })

  it('shows the origin and document number of a prior filing, nothing for a workflow filing', async () => {
    const prior = await mountPage(
      vi.fn(async () =>
        json(
          filing({
            state: 'ACTIVE',
            stateLabel: '备案有效',
            allowedActions: [],
            activatedOn: '2023-11-22',
            origin: 'PRIOR_REGISTRATION',
            originLabel: '存量备案（依批准文件登记）',
            documentNo: '吉卫医发〔2023〕88号',
          }),
        ),
      ),
    )
    expect(prior.get('[data-testid="filing-origin"]').text()).toBe('存量备案（依批准文件登记）')
    expect(prior.get('[data-testid="filing-document-no"]').text()).toContain('吉卫医发〔2023〕88号')
    expect(prior.text()).toContain('2023-11-22')
    prior.unmount()

    const workflow = await mountPage(
      vi.fn(async () => json(filing({ origin: 'WORKFLOW', originLabel: '平台备案' }))),
    )
    expect(workflow.find('[data-testid="filing-origin"]').exists()).toBe(false)
    workflow.unmount()
  })

  it('shows the route as a step bar, withdraws a submission and says so in the toast', async () => {
    const submitted = filing({
      state: 'SUBMITTED',
      stateLabel: '已提交',
      experts: [],
      pathAuthorities: ['长春市卫生健康委员会'],
      holderAuthorityName: '长春市卫生健康委员会',
      allowedActions: ['withdraw'],
    })
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        return json({
          ...submitted,
          version: 6,
          state: 'SELF_ASSESSED',
          stateLabel: '已自评',
          holderRegionCode: null,
          holderAuthorityName: null,
          allowedActions: ['submit'],
        })
      }
      return json(submitted)
    })
    const wrapper = await mountPage(fetchMock)
    const route = wrapper.get('[data-testid="filing-route"]')
    expect(route.text()).toContain('长春市卫生健康委员会')
    expect(route.text()).toContain('待受理')
    expect(wrapper.findAll('[data-testid="filing-route-step-finish"]')).toHaveLength(2)
    expect(wrapper.findAll('[data-testid="filing-route-step-process"]')).toHaveLength(1)

    await wrapper.get('[data-testid="filing-action-withdraw"]').trigger('click')
    await flushPromises()
    const reason = document.querySelector('textarea[data-testid="dialog-text"]') as HTMLTextAreaElement
    reason.value = '补充伦理委员会纪要'
    reason.dispatchEvent(new Event('input'))
    ;(document.querySelector('[data-testid="dialog-confirm"]') as HTMLButtonElement).click()
    await flushPromises()
    const post = fetchMock.mock.calls.find((c) => (c[1] as RequestInit | undefined)?.method === 'POST')!
    expect(post[0]).toBe('/api/filings/f1/withdraw')
    expect(JSON.parse(String((post[1] as RequestInit).body))).toEqual({
      version: 5,
      reason: '补充伦理委员会纪要',
    })
    expect(wrapper.get('[data-testid="filing-state"]').text()).toBe('已自评')
    expect(document.body.textContent).toContain('已撤回提交，备案回到“已自评”')
    wrapper.unmount()
  })

  it('prefills the first-case date, warns before submitting 不符合 and names the authority in the toast', async () => {
    const ready = filing({
      state: 'SELF_ASSESSED',
      stateLabel: '已自评',
      experts: [],
      firstCaseDate: null,
      holderRegionCode: null,
      assessment: {
        specKey: 'S03-2022',
        assessedAt: '2026-11-20T02:00:00Z',
        status: 'NOT_MET',
        statusLabel: '不符合',
        report: { clauses: [] },
      } as unknown as Filing['assessment'],
      allowedActions: ['submit'],
    })
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (String(url).startsWith('/api/filings/first-case-date')) {
        return json({
          technology: 'S03',
          firstCaseDate: '2026-10-09',
          source: 'VOLUMES',
          note: '按开展例数预填',
        })
      }
      if (init?.method === 'POST') {
        return json({
          ...ready,
          version: 6,
          state: 'SUBMITTED',
          stateLabel: '已提交',
          holderRegionCode: '220100',
          holderAuthorityName: '长春市卫生健康委员会',
          actionDueOn: '2026-12-14',
          allowedActions: ['withdraw'],
        })
      }
      return json(ready)
    })
    const wrapper = await mountPage(fetchMock)
    await wrapper.get('[data-testid="filing-action-submit"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="dialog-first-case-note"]')?.textContent).toContain(
      '按开展例数预填',
    )
    ;(document.querySelector('[data-testid="dialog-confirm"]') as HTMLButtonElement).click()
    await flushPromises()
    // the warning box comes first; nothing is posted before it is confirmed
    expect(document.body.textContent).toContain('自评结论为“不符合”')
    expect(fetchMock.mock.calls.some((c) => (c[1] as RequestInit | undefined)?.method === 'POST')).toBe(false)
    const confirmWarning = Array.from(document.querySelectorAll('.el-message-box button')).find((b) =>
      b.textContent?.includes('仍要提交'),
    ) as HTMLButtonElement
    confirmWarning.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    await flushPromises()
    const post = fetchMock.mock.calls.find((c) => (c[1] as RequestInit | undefined)?.method === 'POST')!
    expect(JSON.parse(String((post[1] as RequestInit).body))).toEqual({
      version: 5,
      firstCaseDate: '2026-10-09',
    })
    expect(document.body.textContent).toContain('已提交至长春市卫生健康委员会，办理时限至 12月14日')
    wrapper.unmount()
  })

  it('shows the first submission lateness is judged by and locks the first-case date on a resubmission', async () => {
    const returned = filing({
      state: 'RETURNED_FOR_SUPPLEMENT',
      stateLabel: '退回补充',
      experts: [],
      holderRegionCode: null,
      firstCaseDate: '2026-03-02',
      filingDeadline: '2026-03-23',
      firstSubmittedOn: '2026-03-20',
      submittedOn: '2026-05-20',
      allowedActions: ['submit'],
    })
    const wrapper = await mountPage(vi.fn(async () => json(returned)))
    expect(wrapper.get('[data-testid="filing-first-submitted"]').text()).toContain('首次提交 2026-03-20')
    await wrapper.get('[data-testid="filing-action-submit"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="dialog-first-case-frozen"]')?.textContent).toContain(
      '2026-03-20 的首次提交',
    )
    const picker = document.querySelector('[data-testid="dialog-first-case-date"] input') as HTMLInputElement
    expect(picker.disabled).toBe(true)
    expect(picker.value).toBe('2026-03-02')
    wrapper.unmount()

    const first = await mountPage(vi.fn(async () => json(filing({}))))
    expect(first.find('[data-testid="filing-first-submitted"]').exists()).toBe(false)
    first.unmount()
  })

  it('deletes a never-submitted draft after confirmation', async () => {
    const draft = filing({
      state: 'DRAFT',
      stateLabel: '草稿',
      experts: [],
      steps: [],
      holderRegionCode: null,
      allowedActions: ['self-assessment', 'delete'],
    })
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) =>
      init?.method === 'DELETE' ? new Response(null, { status: 204 }) : json(draft),
    )
    const wrapper = await mountPage(fetchMock)
    await wrapper.get('[data-testid="filing-action-delete"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="dialog-delete-confirm"]')?.textContent).toContain('不可恢复')
    ;(document.querySelector('[data-testid="dialog-confirm"]') as HTMLButtonElement).click()
    await flushPromises()
    const del = fetchMock.mock.calls.find((c) => (c[1] as RequestInit | undefined)?.method === 'DELETE')!
    expect(del[0]).toBe('/api/filings/f1?version=5')
    expect(document.body.textContent).toContain('已删除颅颌面畸形颅面外科矫治术备案草稿')
    wrapper.unmount()
  })
})
