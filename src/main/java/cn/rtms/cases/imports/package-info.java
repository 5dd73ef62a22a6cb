/**
 * Excel and CSV import and export of case reports (issue 8, item 6): a template per
 * technology generated from its case-form definition, imports that stream the file, check
 * every row as a submitted form would be checked and report every bad cell (also as an
 * annotated copy of the file), committing all rows or none unless the user asks for the
 * valid rows only, and exports in the template layout so a file round-trips. Design:
 * docs/case-import.md and docs/adr/0016-streaming-case-import.md.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.imports;
