/**
 * Bulk load of a province's registry from Excel (issue 12 item 4, ADR 0037): two
 * generated templates (institutions keyed by 统一社会信用代码, people keyed by 医师执业证书编码, several
 * sheets each plus a 说明 sheet), a streamed import that validates every cell in Java while
 * its own reader ({@code XlsxReader}, worksheets scanned byte by byte, ADR 0042) walks
 * the workbook, COPYs valid rows into temporary staging tables, checks what spans rows
 * and the stored registry set-based, and hands the staged rows to
 * {@link cn.rtms.institutions.InstitutionBulkUpsert} and
 * {@link cn.rtms.personnel.PersonBulkUpsert} for one set-based upsert — all in one
 * transaction: any problem leaves nothing saved, and a per-cell report in Chinese names
 * sheet, row, column and why. Idempotent: a second identical import changes nothing.
 * Scope: authorities for their region, hospital administrators and clerks for their own
 * institution. Every import is audited with its counts.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "institutions", "personnel", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.bulkload;
