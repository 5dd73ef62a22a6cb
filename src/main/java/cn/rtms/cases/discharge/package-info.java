/**
 * The discharge scan (出院病案首页筛查, issue 8 item 7): hospitals upload their discharge
 * abstracts ({@link cn.rtms.cases.discharge.DischargeRecords}); procedure codes are
 * normalised and mapped to restricted technologies by the spec code lists; the scan
 * ({@link cn.rtms.cases.discharge.DischargeScan}) reports per hospital and period the
 * restricted procedures without a case report (系统填报率), performed without an active
 * filing, or by an operator without authorization, with drill-down. Owns the tables
 * {@code cases.discharge_batch}, {@code cases.discharge_record} and
 * {@code cases.discharge_procedure} and the view {@code cases.discharge_current_record}
 * (of each stay, the records of its newest upload); reads {@code cases.case_report} only,
 * and the institution's people through {@code PersonnelManagement} to resolve the 术者 when
 * a report is asked for. Publishes no events. Rules: docs/discharge-scan.md, ADR 0017.
 */
@org.springframework.modulith.NamedInterface("discharge")
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.discharge;
