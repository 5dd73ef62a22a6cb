/**
 * The eligibility engine: evaluates an institution, physician, other staff, trainee or
 * training base against one edition of a restricted-technology spec, clause by clause,
 * and returns an {@link cn.rtms.rules.engine.Outcome} with a Chinese explanation per
 * clause. Pure Java: no Spring, no database; the input is typed facts
 * ({@code engine.facts}), the specs come from {@code engine.spec}, the rule kinds live in
 * {@code engine.rule}. Exceptions inside a rule become ERROR outcomes, never pass or
 * fail.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.rules.engine;
