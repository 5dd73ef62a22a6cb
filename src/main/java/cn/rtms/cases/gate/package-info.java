/**
 * The order-entry check for hospital systems (docs/gate.md, issue 8 item 9): a HIS or
 * surgical-scheduling system asks, with its hospital's API key, whether a physician may
 * perform a procedure on a day, and gets ALLOW, DENY with the reasons, or NOT_RESTRICTED;
 * it may record an emergency override that the hospital's 医务科 confirms afterwards.
 * Answers come from the in-memory practice view of {@link cn.rtms.cases.PracticeRights}
 * and a per-revision cache of eligibility verdicts. Owns table
 * {@code cases.gate_override}.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.gate;
