/**
 * Indicators as FHIR R4 (issue 10 item 3, docs/indicators.md "FHIR"): each indicator of a
 * set as a {@code Measure}, each computed result as a {@code MeasureReport} (summary or
 * subject-list), written by hand with Jackson (ADR 0018: HAPI FHIR only in tests, where
 * its validator checks every resource). Results and case lists come from the module's
 * {@code IndicatorManagement}, so the data scope is that of the indicator results.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.indicators.fhir;
