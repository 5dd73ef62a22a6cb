/**
 * HTTP endpoints of the indicator FHIR export ({@code /api/indicators/fhir}).
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.indicators.fhir.web;
