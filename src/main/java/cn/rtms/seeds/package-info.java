/**
 * The radioactive seed ledger (放射性粒子使用登记, issue 11 item 4, docs/seed-ledger.md, ADR 0034)
 * of G07 放射性粒子植入治疗技术: receipt of lots, storage and custodian, issue to a procedure
 * (linked to a G07 case), implanted, returned, lost, leaked and decayed for disposal — an
 * append-only ledger whose balances reconcile per lot and per issue (三(五)); physical
 * counts at least every 6 months; loss or leakage incidents worked through the emergency
 * plan's steps (三(六)); radiation-protection training, health examinations and
 * environmental inspections with due dates (三(七)). Raises the {@code RADIATION_SAFETY}
 * supervision alerts and lists the due dates on the reminders page through the
 * authorization module's {@code DueDateSource}. Owns the {@code seeds} schema; refers to
 * institutions, people and cases by id.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "cases", "institutions", "personnel",
		"supervision", "authorization", "identity", "audit", "platform", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.seeds;
