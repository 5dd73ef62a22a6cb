/**
 * Rule kinds of the spec format (docs/spec-format.md), one small immutable class per
 * kind, each evaluating typed facts in an
 * {@link cn.rtms.rules.engine.rule.EvaluationContext} to a
 * {@link cn.rtms.rules.engine.rule.RuleResult} with a Chinese explanation of actual
 * versus required. Rules are built once per spec by
 * {@link cn.rtms.rules.engine.rule.RuleKinds} and are safe to share between threads. Pure
 * Java.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.rules.engine.rule;
