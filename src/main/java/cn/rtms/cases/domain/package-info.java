/**
 * Case reports as stored, their states, the checks that need no database
 * ({@link cn.rtms.cases.domain.CaseRules}), GB 11643 ID numbers and the loader of
 * case-form definitions; plain Java.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.domain;
