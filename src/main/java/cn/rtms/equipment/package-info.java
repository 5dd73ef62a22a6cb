/**
 * The equipment register (设备登记, issue 11 item 3, docs/equipment.md, ADR 0031): each
 * institution's units with type (the specs' equipment codes), NMPA registration number,
 * manufacturer, model, serial, installation date, status (在用 / 停用 / 维修中 / 报废) and
 * location; maintenance, inspection and third-party environmental safety test schedules
 * with their records; for hyperthermia machines the manufacturer's heat-distribution map
 * and safety report (S04 三(九)2), uploads checked by the filing module's
 * {@link cn.rtms.filing.UploadPolicy}. Feeds the eligibility engine through
 * {@link cn.rtms.rules.EquipmentRegisterSource} (only usable units count for a kind the
 * register holds) and publishes {@link cn.rtms.rules.EligibilityFactsChanged} on every
 * change; contributes {@code EQUIPMENT} alerts to supervision through
 * {@link cn.rtms.supervision.AlertSource}. Owns the {@code equipment} schema; refers to
 * institutions by id only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "rules", "supervision", "institutions",
		"catalog", "filing", "identity", "audit", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.equipment;
