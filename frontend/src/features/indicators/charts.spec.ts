import { describe, expect, it } from 'vitest'
import type { IndicatorCell } from './api'
import {
  cellTooltip,
  distributionOption,
  escapeHtml,
  rankingOption,
  referenceLines,
  trendOption,
} from './charts'
import { rank } from './indicators'

const indicator = {
  name: '术后放疗剂量验证率',
  kind: 'RATE',
  unit: 'CASE',
  threshold: { comparator: 'GT', value: 80, clause: '二（二）3' },
}

function cell(groupName: string, value: number, meetsThreshold: boolean | null = null): IndicatorCell {
  return {
    indicatorCode: 'G07.DOSE_VERIFICATION',
    groupKey: `k-${groupName}`,
    groupName,
    period: '2026-Q3',
    numerator: value / 10,
    denominator: 10,
    value: Number(value.toFixed(2)),
    meetsThreshold,
  }
}

type Series = {
  type: string
  data: { value: unknown; cell?: IndicatorCell; itemStyle?: { color: string } }[]
  markLine?: { data: { name: string }[] }
}

describe('indicator charts', () => {
  const ranked = rank([cell('乙医院', 70, false), cell('甲医院<b>', 90, true)], 'HIGHER_BETTER')
  const regional = { ...cell('ALL', 80, false), groupKey: 'ALL' }

  it('ranks best first, colours by the threshold and draws the threshold and the region as lines', () => {
    const option = rankingOption(ranked, indicator, regional) as {
      yAxis: { data: string[] }
      series: Series[]
    }
    expect(option.yAxis.data).toEqual(['1. 甲医院<b>', '2. 乙医院'])
    const bars = option.series[0]!
    expect(bars.data.map((d) => d.cell?.groupName)).toEqual(['甲医院<b>', '乙医院'])
    expect(bars.data.map((d) => d.itemStyle?.color)).toEqual(['#67c23a', '#f56c6c'])
    expect(bars.markLine!.data.map((d) => d.name)).toEqual(['标准', '辖区'])
  })

  it('puts numerator and denominator into the tooltip, names escaped', () => {
    const text = cellTooltip(ranked[0]!.cell, indicator)
    expect(text).toContain('甲医院&lt;b&gt;')
    expect(text).toContain('分子 9 / 分母 10')
    expect(text).toContain('90.00%')
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;')
  })

  it('draws the trend of each group and the region as the last, dashed series, with gaps kept', () => {
    const option = trendOption(
      ['2026-Q2', '2026-Q3'],
      [{ groupName: '甲医院', values: [null, 90], cells: [null, ranked[0]!.cell] }],
      { groupName: 'ALL', values: [75, 80], cells: [null, regional] },
      indicator,
    ) as { xAxis: { data: string[] }; series: (Series & { name: string; lineStyle?: { type: string } })[] }
    expect(option.xAxis.data).toEqual(['2026Q2', '2026Q3'])
    expect(option.series.map((s) => s.name)).toEqual(['甲医院', '辖区'])
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([null, 90])
    expect(option.series[1]!.lineStyle?.type).toBe('dashed')
    expect(option.series[0]!.markLine!.data.map((d) => d.name)).toEqual(['标准'])
    const named = trendOption(
      ['2026-Q3'],
      [],
      { groupName: 'ALL', values: [80], cells: [regional] },
      indicator,
      '吉林省（辖区）',
    ) as {
      series: { name: string }[]
    }
    expect(named.series.map((s) => s.name)).toEqual(['吉林省（辖区）'])
  })

  it('summarises the region as a box plot with every hospital a clickable point', () => {
    const option = distributionOption(ranked, indicator, regional) as { series: Series[] }
    const [box, points] = option.series
    expect(box!.data).toEqual([[70, 75, 80, 85, 90]])
    expect(points!.data.map((d) => d.cell?.groupName)).toEqual(['甲医院<b>', '乙医院'])
    expect(box!.markLine!.data.map((d) => d.name)).toEqual(['标准', '辖区'])
  })

  it('never puts the threshold and the region labels in one place, however close the values', () => {
    type Line = { name: string; label: { position: string } }
    const positions = (lines: { data: Record<string, unknown>[] } | undefined) =>
      Object.fromEntries((lines!.data as Line[]).map((l) => [l.name, l.label.position]))
    const near = { ...regional, value: 82.35 }
    expect(positions(referenceLines(indicator, near, 'x'))).toEqual({ 标准: 'start', 辖区: 'end' })
    expect(positions(referenceLines(indicator, near, 'y'))).toEqual({
      标准: 'insideEndBottom',
      辖区: 'insideEndTop',
    })
    const below = { ...regional, value: 79.5 }
    expect(positions(referenceLines(indicator, below, 'y'))).toEqual({
      标准: 'insideEndTop',
      辖区: 'insideEndBottom',
    })
    expect(positions(referenceLines(indicator, null, 'y'))).toEqual({ 标准: 'insideEndTop' })
    expect(referenceLines({ ...indicator, threshold: null }, null, 'y')).toBeUndefined()
  })
})
