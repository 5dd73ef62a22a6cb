import { describe, expect, it } from 'vitest'
import { LABEL_WIDTH, chartHeight, countBarOption } from './charts'

type Option = {
  xAxis: { type: string }
  yAxis: {
    type: string
    inverse: boolean
    data: string[]
    axisLabel: { interval: number; width: number; overflow: string }
  }
  series: { data: number[]; label: { show: boolean } }[]
}

describe('workbench statistics charts', () => {
  const counts = [
    { code: 'G07', label: '放射性粒子植入治疗技术', count: 2 },
    { code: 'G08', label: '肿瘤消融治疗技术', count: 4 },
  ]

  it('lays technologies down the chart, every name shown and wrapped within the label width', () => {
    const option = countBarOption(counts, (c) => c.label, '#67c23a') as unknown as Option
    expect(option.yAxis.type).toBe('category')
    expect(option.xAxis.type).toBe('value')
    expect(option.yAxis.inverse).toBe(true)
    expect(option.yAxis.data).toEqual(['放射性粒子植入治疗技术', '肿瘤消融治疗技术'])
    expect(option.yAxis.axisLabel).toMatchObject({ interval: 0, width: LABEL_WIDTH, overflow: 'break' })
    expect(option.series[0]!.data).toEqual([2, 4])
    expect(option.series[0]!.label.show).toBe(true)
  })

  it('grows taller than 300px only when the rows need it', () => {
    expect(chartHeight(0)).toBe('300px')
    expect(chartHeight(4)).toBe('300px')
    expect(chartHeight(10)).toBe('388px')
    expect(chartHeight(17)).toBe('626px')
  })
})
