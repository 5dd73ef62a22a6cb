/**
 * Supervision (监管预警, docs/supervision.md, ADR 0028): an alert inbox per authority (the
 * hospitals of its region) and per hospital (itself). A daily job and an on-demand
 * refresh find six kinds of condition from the other modules' APIs — active filings not
 * performed for 2 years or more (the filing module's revocation check), filings whose
 * institution no longer meets the spec (the rules engine), expired licences and expired
 * devices or authorizations still used, unfiled practice and unreported cases from the
 * discharge scan, indicators past their threshold or far from the region's hospitals, and
 * overdue follow-ups — plus what other modules contribute through {@link AlertSource}
 * (equipment, seed ledger) — and keeps one alert per condition (upserted by a stable key,
 * closed when the condition disappears, reopened when it comes back). Hospitals and
 * authorities acknowledge separately, with a note, audited. Owns the {@code supervision}
 * schema; refers to institutions, filings and people by id only; publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "filing", "rules", "institutions", "catalog",
		"cases", "cases::discharge", "cases::followup", "indicators", "identity", "audit", "platform", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.supervision;
