/**
 * Compiles the indicator dictionary to jOOQ: one aggregate query per indicator set,
 * grouping, period and data source, each indicator's numerator and denominator an
 * aggregate with a {@code FILTER (WHERE …)} clause; and the drill-down to the rows behind
 * a number with the same compiled conditions. Reads only the modules' published views.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.indicators.engine;
