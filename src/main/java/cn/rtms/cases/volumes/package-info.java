/**
 * Case volumes derived from the registry: the implementation of the rules module's
 * {@link cn.rtms.rules.CaseHistory} (ADR 0019), so that eligibility and the revocation
 * check read submitted cases without the rules or filing module depending on cases.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.volumes;
