package cn.rtms.cases;

import java.util.List;

/**
 * One page of a case search.
 *
 * @param items the cases, newest operation first
 * @param total how many match in all
 */
public record CasePage(List<CaseSummary> items, long total) {
}
