/*
 * ECharts options of the indicator dashboards, built from cells and the dictionary (no Vue, unit-tested in
 * charts.spec.ts). Every data item carries its cell, so a click opens the cases behind it.
 */
import type { EChartsCoreOption } from 'echarts/core'
import type { IndicatorCell, IndicatorDefinition } from './api'
import {
  formatCount,
  formatValue,
  numeric,
  periodLabel,
  periodShortLabel,
  quartiles,
  thresholdLabel,
  valueUnit,
  type RankedCell,
} from './indicators'

type Indicator = Pick<IndicatorDefinition, 'kind' | 'unit' | 'threshold' | 'name'>

const GOOD = '#67c23a'
const BAD = '#f56c6c'
const NEUTRAL = '#409eff'
const REGION = '#303133'

/** Text for the tooltip's HTML (ECharts renders it as markup): names come from the server, so they are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}

/** The tooltip lines of a cell: name, value, numerator / denominator. */
export function cellTooltip(cell: IndicatorCell, indicator: Indicator, title = cell.groupName): string {
  return [
    `<strong>${escapeHtml(title)}</strong>（${escapeHtml(periodLabel(cell.period))}）`,
    `${escapeHtml(indicator.name)}：${formatValue(cell.value, indicator)}`,
    `分子 ${formatCount(cell.numerator)} / 分母 ${formatCount(cell.denominator)}`,
  ].join('<br/>')
}

function barColor(cell: IndicatorCell): string {
  if (cell.meetsThreshold === true) return GOOD
  if (cell.meetsThreshold === false) return BAD
  return NEUTRAL
}

/**
 * Reference lines: the regulation's threshold (red, dashed) and the region's value (dark). Their labels never share a
 * place, however close the two values are: on a value axis across the chart (`x`, the ranking's vertical lines) the
 * threshold's label sits at the top end of its line and the region's at the bottom, below the tick labels; on a value axis up the chart (`y`,
 * horizontal lines) each label sits inside the plot's right end, the higher line's above it and the lower's below.
 */
export function referenceLines(
  indicator: Indicator,
  regional: IndicatorCell | null | undefined,
  axis: 'x' | 'y',
) {
  const threshold = indicator.threshold ? Number(indicator.threshold.value) : null
  const regionValue = numeric(regional?.value)
  const both = threshold !== null && regionValue !== null
  const thresholdHigher = both && threshold >= regionValue
  const data: Record<string, unknown>[] = []
  if (threshold !== null && indicator.threshold) {
    data.push({
      name: '标准',
      [`${axis}Axis`]: threshold,
      lineStyle: { color: BAD, type: 'dashed' },
      label: {
        formatter: `标准 ${thresholdLabel({ ...indicator, threshold: { ...indicator.threshold, clause: '' } })}`,
        color: BAD,
        position: axis === 'x' ? 'start' : both && !thresholdHigher ? 'insideEndBottom' : 'insideEndTop',
      },
    })
  }
  if (regionValue !== null) {
    data.push({
      name: '辖区',
      [`${axis}Axis`]: regionValue,
      lineStyle: { color: REGION, type: 'solid' },
      label: {
        formatter: `辖区 ${formatValue(regionValue, indicator)}`,
        color: REGION,
        position: axis === 'x' ? 'end' : thresholdHigher ? 'insideEndBottom' : 'insideEndTop',
        // below the value axis' tick labels, which the line's end meets
        ...(axis === 'x' ? { distance: 24 } : {}),
      },
    })
  }
  return data.length ? { silent: true, symbol: 'none', data } : undefined
}

/** The ranking: one horizontal bar per group, best at the top, coloured by the threshold. */
export function rankingOption(
  ranked: RankedCell[],
  indicator: Indicator,
  regional: IndicatorCell | null | undefined,
): EChartsCoreOption {
  const rows = ranked.filter((r) => r.value !== null)
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { cell?: IndicatorCell } }) =>
        p.data?.cell ? cellTooltip(p.data.cell, indicator) : '',
    },
    grid: { left: 8, right: 72, top: 28, bottom: 44, containLabel: true },
    xAxis: { type: 'value', name: valueUnit(indicator), scale: indicator.kind !== 'RATE' },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => `${r.rank}. ${r.cell.groupName}`),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((r) => ({ value: r.value, cell: r.cell, itemStyle: { color: barColor(r.cell) } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => formatValue(p.value, indicator),
        },
        markLine: referenceLines(indicator, regional, 'x'),
      },
    ],
  }
}

export interface TrendLine {
  groupName: string
  values: (number | null)[]
  cells: (IndicatorCell | null)[]
}

/**
 * Trend lines per period for some groups, the region's line dashed (named `regionName`, e.g. 吉林省, so the legend
 * says which region), the threshold as a reference line.
 */
export function trendOption(
  periods: string[],
  lines: TrendLine[],
  regional: TrendLine | null,
  indicator: Indicator,
  regionName = '辖区',
): EChartsCoreOption {
  const all = regional ? [...lines, { ...regional, groupName: regionName }] : lines
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { cell?: IndicatorCell }; seriesName?: string }) =>
        p.data?.cell ? cellTooltip(p.data.cell, indicator, p.seriesName) : '',
    },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: periods.map(periodShortLabel) },
    yAxis: { type: 'value', name: valueUnit(indicator), scale: indicator.kind !== 'RATE' },
    series: all.map((line, i) => ({
      name: line.groupName,
      type: 'line',
      connectNulls: false,
      symbolSize: 8,
      lineStyle: regional && i === all.length - 1 ? { type: 'dashed', width: 3, color: REGION } : undefined,
      itemStyle: regional && i === all.length - 1 ? { color: REGION } : undefined,
      data: line.values.map((v, j) => ({ value: v, cell: line.cells[j] ?? undefined })),
      markLine: i === 0 ? referenceLines(indicator, null, 'y') : undefined,
    })),
  }
}

/**
 * The region's distribution over its groups: a box plot (min, quartiles, max) with every group as a point beside
 * it and the region's value as a line.
 */
export function distributionOption(
  ranked: RankedCell[],
  indicator: Indicator,
  regional: IndicatorCell | null | undefined,
): EChartsCoreOption {
  const rows = ranked.filter((r) => r.value !== null)
  const q = quartiles(rows.map((r) => r.value))
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesType?: string; data?: { cell?: IndicatorCell } }) => {
        if (p.data?.cell) return cellTooltip(p.data.cell, indicator)
        if (p.seriesType === 'boxplot' && q) {
          return [
            `${q.count} 家`,
            `最大值 ${formatValue(q.max, indicator)}`,
            `上四分位数 ${formatValue(q.q3, indicator)}`,
            `中位数 ${formatValue(q.median, indicator)}`,
            `下四分位数 ${formatValue(q.q1, indicator)}`,
            `最小值 ${formatValue(q.min, indicator)}`,
          ].join('<br/>')
        }
        return ''
      },
    },
    grid: { left: 8, right: 24, top: 24, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: ['各机构指标值'] },
    yAxis: { type: 'value', name: valueUnit(indicator), scale: indicator.kind !== 'RATE' },
    series: [
      {
        name: '分布',
        type: 'boxplot',
        data: q ? [[q.min, q.q1, q.median, q.q3, q.max]] : [],
        markLine: referenceLines(indicator, regional, 'y'),
      },
      {
        name: '机构',
        type: 'scatter',
        symbolSize: 10,
        data: rows.map((r) => ({
          value: [0, r.value],
          cell: r.cell,
          itemStyle: { color: barColor(r.cell) },
        })),
      },
    ],
  }
}
