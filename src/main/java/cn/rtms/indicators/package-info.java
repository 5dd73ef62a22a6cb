/**
 * Quality-control indicators (质控指标, issue 10, docs/indicators.md): the indicator
 * dictionary as data ({@code indicators/*.yaml}, validated against
 * {@code indicators/indicator-set.schema.json} at startup), compiled by jOOQ into one
 * aggregate query per set, grouping and period with {@code FILTER (WHERE …)} clauses,
 * numerator and denominator returned per cell, and a drill-down to the cases behind each
 * number. Reads case data only through the read-only views the cases module publishes as
 * its SQL API ({@code cases.indicator_case}, {@code cases.indicator_follow_up},
 * {@code cases.indicator_discharge_procedure}) and filings through the filing module's
 * view ({@code filing.indicator_filing}); never the modules' tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "institutions", "web", "platform" })
@org.jspecify.annotations.NullMarked
package cn.rtms.indicators;
