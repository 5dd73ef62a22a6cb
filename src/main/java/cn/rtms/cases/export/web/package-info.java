/**
 * HTTP endpoints of the case exports: {@code GET /api/case-exports/provincial} (xlsx or
 * JSON) and {@code GET /api/case-exports/fhir} ({@code application/fhir+json}).
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.export.web;
