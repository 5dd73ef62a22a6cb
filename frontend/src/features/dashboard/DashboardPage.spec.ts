import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import DashboardPage from './DashboardPage.vue'
import type { Workbench } from './api'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

/** ECharts needs a canvas jsdom lacks: the stub shows the option's category labels and emits a click on the first. */
const EChartStub = defineComponent({
  props: { option: { type: Object, required: true }, height: { type: String, default: '' } },
  emits: ['itemClick'],
  setup(props, { emit }) {
    return () =>
      h(
        'button',
        { class: 'chart-stub', onClick: () => emit('itemClick', { name: '', dataIndex: 0 }) },
        ((props.option as { yAxis: { data: string[] } }).yAxis.data ?? []).join('|'),
      )
  },
})

const base = { asOf: '2026-11-22', todos: [] }

const clerk: Workbench = {
  ...base,
  role: 'HOSPITAL_CLERK',
  roleLabel: '医务科',
  scopeLabel: '长春市中心医院',
  todos: [
    {
      key: 'RETURNED_FILINGS',
      label: '退回补充',
      count: 2,
      tone: 'danger',
      hint: '被退回、需补充材料后重新提交的备案',
      link: { path: '/filings', query: { state: 'RETURNED_FOR_SUPPLEMENT' } },
    },
    {
      key: 'OVERDUE_FOLLOW_UPS',
      label: '逾期随访',
      count: 0,
      tone: 'danger',
      hint: '已过随访日期、尚未记录的随访',
      link: { path: '/follow-ups', query: { status: 'OVERDUE' } },
    },
  ],
}

const city: Workbench = {
  ...base,
  role: 'CITY_AUTHORITY',
  roleLabel: '市（州）级卫生健康行政部门',
  scopeLabel: '长春市',
  inbox: {
    total: 3,
    overdue: 1,
    byAction: [{ code: 'RECEIVE', label: '受理备案', count: 3 }],
    byDeadline: [
      { code: 'OVERDUE', label: '已逾期', count: 1 },
      { code: 'DUE_3', label: '3 个工作日内到期', count: 2 },
    ],
    link: { path: '/inbox', query: {} },
  },
  statistics: {
    regionCode: '220100',
    regionName: '长春市',
    total: 3,
    byState: [{ code: 'SUBMITTED', label: '', count: 3 }],
    byTechnology: [{ code: 'G08', label: '肿瘤消融治疗技术', count: 3 }],
    byDistrict: [{ code: '220102', label: '南关区', count: 3 }],
  },
}

const expert: Workbench = {
  ...base,
  role: 'EXPERT',
  roleLabel: '评审专家',
  reviews: [
    {
      filingId: 'f1',
      institutionName: '长春市中心医院',
      technology: 'S04',
      technologyName: '肿瘤深部热疗和全身热疗技术',
      dueOn: '2026-11-20',
      workingDaysLeft: -2,
      overdue: true,
    },
  ],
}

async function mountPage(workbench: Workbench) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => (url === '/api/workbench' ? json(workbench) : json({}, 404))),
  )
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: DashboardPage },
      { path: '/filings', component: { template: '<div />' } },
      { path: '/filings/:id', component: { template: '<div />' } },
      { path: '/follow-ups', component: { template: '<div />' } },
      { path: '/inbox', component: { template: '<div />' } },
    ],
  })
  await router.push('/')
  const wrapper = mount(DashboardPage, {
    global: { plugins: [ElementPlus, router], stubs: { EChart: EChartStub } },
  })
  await flushPromises()
  return { wrapper, router }
}

afterEach(() => vi.unstubAllGlobals())

describe('DashboardPage (工作台)', () => {
  it('shows the clerk its to-dos, red only when something is counted, and opens the filtered list', async () => {
    const { wrapper, router } = await mountPage(clerk)
    expect(wrapper.get('[data-testid="workbench-scope"]').text()).toContain('长春市中心医院')
    const returned = wrapper.get('[data-testid="todo-RETURNED_FILINGS"]')
    expect(returned.get('[data-testid="todo-count-RETURNED_FILINGS"]').text()).toBe('2')
    expect(returned.classes()).toContain('todo-danger')
    expect(wrapper.get('[data-testid="todo-OVERDUE_FOLLOW_UPS"]').classes()).not.toContain('todo-danger')
    expect(wrapper.find('[data-testid="chart-state"]').exists()).toBe(false)
    await returned.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/filings')
    expect(router.currentRoute.value.query).toEqual({ state: 'RETURNED_FOR_SUPPLEMENT' })
  })

  it('shows the authority its inbox by deadline with overdue in red and charts that open the filing list', async () => {
    const { wrapper, router } = await mountPage(city)
    const overdue = wrapper.get('[data-testid="deadline-OVERDUE"]')
    expect(overdue.text()).toContain('1')
    expect(overdue.classes()).toContain('overdue')
    expect(wrapper.get('[data-testid="deadline-DUE_3"]').classes()).not.toContain('overdue')
    expect(wrapper.get('[data-testid="statistics-total"]').text()).toContain('长春市辖区已提交备案 3 件')
    // a state without a server label falls back to the filing labels: no code on screen
    expect(wrapper.get('[data-testid="chart-state"]').text()).toContain('已提交')
    expect(wrapper.get('[data-testid="chart-state"]').text()).not.toContain('SUBMITTED')
    await wrapper.get('[data-testid="chart-district"] .chart-stub').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/filings')
    expect(router.currentRoute.value.query).toEqual({ regionCode: '220102' })
    await router.push('/')
    await wrapper.get('[data-testid="chart-technology"] .chart-stub').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ technology: 'G08' })
  })

  it('shows the expert the reviews with the working days overdue in red', async () => {
    const { wrapper } = await mountPage(expert)
    const deadline = wrapper.get('[data-testid="review-deadline"]')
    expect(deadline.text()).toBe('已逾期 2 个工作日（2026-11-20）')
    expect(deadline.classes()).toContain('overdue')
    expect(wrapper.get('[data-testid="reviews"]').text()).toContain('长春市中心医院')
    expect(wrapper.find('[data-testid="todos"]').exists()).toBe(false)
  })
})
