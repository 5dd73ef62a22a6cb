/**
 * The indicator dictionary as data: {@code indicators/<KEY>.yaml} read and validated by
 * {@link cn.rtms.indicators.definition.IndicatorSetLoader} into
 * {@link cn.rtms.indicators.definition.IndicatorSet}s whose numerators and denominators
 * are declarative {@link cn.rtms.indicators.definition.Filter}s over case data.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.indicators.definition;
