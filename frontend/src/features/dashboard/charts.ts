/*
 * The workbench's statistics charts (no Vue, unit-tested in charts.spec.ts): filings counted by state, technology
 * and district. Categories run down the chart, so a technology's full name (up to ~20 characters) wraps onto a second
 * line beside its bar instead of colliding with its neighbours under a column.
 */
import type { EChartsCoreOption } from 'echarts/core'
import type { Count } from './api'

/** Pixels for one category's row: room for a label of two lines. */
const ROW = 34

/** Width of the category labels; longer names wrap, and a third line is cut with an ellipsis. */
export const LABEL_WIDTH = 112

/** The chart's height for a number of categories: 300px, taller when the rows need it. */
export function chartHeight(categories: number): string {
  return `${Math.max(300, categories * ROW + 48)}px`
}

/** Horizontal bars, first category on top, the count at each bar's end. */
export function countBarOption(
  counts: Count[],
  label: (c: Count) => string,
  color: string,
): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '备案数', minInterval: 1, nameLocation: 'end', nameGap: 8 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: counts.map(label),
      axisLabel: {
        interval: 0,
        width: LABEL_WIDTH,
        overflow: 'break',
        lineHeight: 14,
        ellipsis: '…',
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        itemStyle: { color },
        label: { show: true, position: 'right' },
        data: counts.map((c) => c.count),
      },
    ],
  }
}
