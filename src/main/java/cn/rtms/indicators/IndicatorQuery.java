package cn.rtms.indicators;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What to compute.
 *
 * @param setKey indicator set, e.g. {@code G08-2023}
 * @param grouping grouping of the cells
 * @param period period unit of the cells
 * @param from first day (inclusive) of the attribution dates counted
 * @param to last day (inclusive)
 * @param institutionId only this institution
 * @param regionCode only institutions in this region (prefix-aware: 220000 province,
 * 220100 city, 220102 county)
 * @param operatorId only cases of this operating physician
 */
public record IndicatorQuery(String setKey, Grouping grouping, PeriodUnit period, LocalDate from, LocalDate to,
		@Nullable UUID institutionId, @Nullable String regionCode, @Nullable UUID operatorId) {

}
