package cn.rtms.indicators;

import java.util.List;

/**
 * One page of a drill-down.
 *
 * @param rows the cases
 * @param total how many cases there are in all
 * @param page page (0-based)
 * @param size page size
 */
public record IndicatorCasePage(List<IndicatorCaseRow> rows, long total, int page, int size) {

}
