/**
 * Exports of submitted cases per period and hospital (issue 8, item 8): the provincial
 * platform's record (one schema, written as JSON and as an Excel workbook, see
 * {@code docs/case-export.md} and {@code case-export/case-export.schema.json}) and a FHIR
 * R4 collection Bundle (Organization, Practitioner, de-identified Patient, Procedure,
 * Device) built with Jackson, without HAPI FHIR in the runtime jar (ADR 0018). Reads the
 * {@code cases} schema with SQL, never the patient's name, ID number or phone; audits
 * every export.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.export;
