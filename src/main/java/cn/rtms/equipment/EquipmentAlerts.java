package cn.rtms.equipment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.rtms.filing.FilingQueries;
import cn.rtms.filing.FilingSummary;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.rules.SpecEquipment;
import cn.rtms.supervision.AlertFinding;
import cn.rtms.supervision.AlertKind;
import cn.rtms.supervision.AlertSeverity;
import cn.rtms.supervision.AlertSource;
import cn.rtms.supervision.Evidence;

import org.springframework.stereotype.Component;

/**
 * The register's supervision alerts ({@link AlertKind#EQUIPMENT}, docs/equipment.md):
 * <ul>
 * <li>{@code EQUIPMENT:OUT_OF_SERVICE:<unit>} (high): a unit 停用 or 维修中 of a kind the
 * edition in force of an actively filed technology of the institution names in an
 * equipment clause;</li>
 * <li>{@code EQUIPMENT:OVERDUE:<schedule>} (medium): maintenance, inspection or safety
 * test of a unit in service overdue;</li>
 * <li>{@code EQUIPMENT:DOCUMENTS:<unit>} (medium): a hyperthermia machine in service
 * without the manufacturer's heat-distribution map or safety report (S04 三(九)2).</li>
 * </ul>
 * Run by supervision's refresh as the system user; a finding no longer reported closes
 * its alert.
 */
@Component
class EquipmentAlerts implements AlertSource {

	private final EquipmentManagement equipment;

	private final FilingQueries filings;

	private final SpecEquipment specs;

	private final InstitutionManagement institutions;

	EquipmentAlerts(EquipmentManagement equipment, FilingQueries filings, SpecEquipment specs,
			InstitutionManagement institutions) {
		this.equipment = equipment;
		this.filings = filings;
		this.specs = specs;
		this.institutions = institutions;
	}

	@Override
	public AlertKind kind() {
		return AlertKind.EQUIPMENT;
	}

	@Override
	public List<AlertFinding> findings(Set<UUID> institutionIds, LocalDate today) {
		List<EquipmentView> units = this.equipment.unscopedViews(institutionIds, today);
		if (units.isEmpty()) {
			return List.of();
		}
		// the kinds each institution's active filings need, with the technologies needing
		// them
		Map<UUID, Map<String, List<String>>> needed = new HashMap<>();
		for (FilingSummary filing : this.filings.list("ACTIVE", null, null)) {
			if (!institutionIds.contains(filing.institutionId())) {
				continue;
			}
			for (String kind : this.specs.kinds(filing.technology(), today, filing.institutionRegionCode())) {
				needed.computeIfAbsent(filing.institutionId(), k -> new HashMap<>())
					.computeIfAbsent(kind, k -> new ArrayList<>())
					.add(filing.technologyName());
			}
		}
		List<AlertFinding> findings = new ArrayList<>();
		Map<UUID, String> names = new HashMap<>();
		for (EquipmentView unit : units) {
			String institution = names.computeIfAbsent(unit.institutionId(),
					id -> Objects.requireNonNullElse(this.institutions.nameOf(id), id.toString()));
			String unitName = unit.kindLabel() + " " + unit.model() + "（序列号 " + unit.serialNumber() + "）";
			String link = "/equipment?institutionId=" + unit.institutionId();
			List<String> technologies = needed.getOrDefault(unit.institutionId(), Map.of()).get(unit.kind());
			if ((unit.status() == EquipmentStatus.OUT_OF_SERVICE || unit.status() == EquipmentStatus.UNDER_REPAIR)
					&& technologies != null) {
				findings.add(new AlertFinding(AlertKind.EQUIPMENT, "EQUIPMENT:OUT_OF_SERVICE:" + unit.id(),
						AlertSeverity.HIGH, unit.institutionId(), null, null,
						bounded(institution + unitName + unit.statusLabel(), 200),
						bounded(institution + "的" + unitName + "处于“" + unit.statusLabel() + "”状态，而已备案的"
								+ String.join("、", technologies) + "按管理规范需要" + unit.kindLabel()
								+ "；该设备不计入资质评估，请尽快恢复在用或核实是否仍满足备案条件。", 2000),
						new Evidence(
								List.of(fact("设备", unitName), fact("状态", unit.statusLabel()),
										fact("需要该类设备的备案技术", String.join("、", technologies))),
								List.of(), link, "查看设备登记")));
			}
			if (unit.status() != EquipmentStatus.IN_SERVICE) {
				continue;
			}
			for (EquipmentView.ScheduleView schedule : unit.schedules()) {
				if (!schedule.overdue()) {
					continue;
				}
				findings.add(
						new AlertFinding(AlertKind.EQUIPMENT, "EQUIPMENT:OVERDUE:" + schedule.id(),
								AlertSeverity.MEDIUM, unit.institutionId(), null, null,
								bounded(institution + unitName + schedule.kindLabel() + "逾期", 200),
								bounded(institution + "的" + unitName + "的" + schedule.kindLabel() + "「"
										+ schedule.item() + "」应于 " + schedule.nextDue() + " 前完成（周期 "
										+ schedule.intervalMonths() + " 个月），至今未登记；逾期期间该设备不计入资质评估。", 2000),
								new Evidence(
										List.of(fact("设备", unitName), fact("项目", schedule.item()),
												fact("应完成日期", schedule.nextDue().toString()),
												fact("最近一次", schedule.records().isEmpty() ? "无记录"
														: schedule.records().getFirst().performedOn().toString())),
										List.of(), link, "查看设备登记")));
			}
			if (!unit.missingDocuments().isEmpty()) {
				findings.add(new AlertFinding(AlertKind.EQUIPMENT, "EQUIPMENT:DOCUMENTS:" + unit.id(),
						AlertSeverity.MEDIUM, unit.institutionId(), null, null,
						bounded(institution + unitName + "缺少" + String.join("、", unit.missingDocuments()), 200),
						bounded("肿瘤深部热疗和全身热疗技术管理规范三(九)2 要求新机器使用前由生产企业提供热分布图和环境安全检测报告；" + institution + "的" + unitName
								+ "尚未上传：" + String.join("、", unit.missingDocuments()) + "。", 2000),
						new Evidence(
								List.of(fact("设备", unitName), fact("缺少", String.join("、", unit.missingDocuments()))),
								List.of(), link, "查看设备登记")));
			}
		}
		return findings;
	}

	private static Evidence.EvidenceFact fact(String label, String value) {
		return new Evidence.EvidenceFact(label, value);
	}

	private static String bounded(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
