import type { DrillPart, IndicatorCell, IndicatorDefinition, ResultsQuery } from './api'

/** A number the user clicked: the query that computed its cell, the cell and which part to list first. */
export interface DrillTarget {
  query: ResultsQuery
  indicator: IndicatorDefinition
  cell: IndicatorCell
  part: DrillPart
}
