package cn.rtms.seeds;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.rtms.seeds.RadiationSafetyManagement.SafetyRecord;
import cn.rtms.seeds.SeedViews.Incident;
import cn.rtms.seeds.SeedViews.Issue;
import cn.rtms.seeds.SeedViews.Lot;
import cn.rtms.supervision.AlertFinding;
import cn.rtms.supervision.AlertKind;
import cn.rtms.supervision.AlertSeverity;
import cn.rtms.supervision.AlertSource;
import cn.rtms.supervision.Evidence;
import cn.rtms.supervision.Evidence.EvidenceFact;
import cn.rtms.supervision.Evidence.EvidenceItem;

import org.springframework.stereotype.Component;

/**
 * The seed ledger's {@link AlertKind#RADIATION_SAFETY} alerts (keys {@code SEEDS:…},
 * docs/seed-ledger.md): a count that did not match the ledger, a count overdue (more than
 * 6 months), an issue not accounted for by the day after, an open loss or leakage
 * incident, and training, health examinations, environmental inspections and radiation
 * licences due within 30 days (licences 60 days), past due or missing. Licences are
 * checked only for institutions that keep a seed ledger.
 */
@Component
class RadiationSafetyAlerts implements AlertSource {

	private final SeedLedgerManagement ledger;

	private final RadiationSafetyManagement safety;

	private final Clock clock;

	RadiationSafetyAlerts(SeedLedgerManagement ledger, RadiationSafetyManagement safety, Clock clock) {
		this.ledger = ledger;
		this.safety = safety;
		this.clock = clock;
	}

	@Override
	public AlertKind kind() {
		return AlertKind.RADIATION_SAFETY;
	}

	@Override
	public List<AlertFinding> findings(Set<UUID> institutionIds, LocalDate today) {
		List<AlertFinding> found = new ArrayList<>();
		Set<UUID> keeping = new HashSet<>();
		ZoneId zone = this.clock.getZone();
		for (Lot lot : this.ledger.lotsOf(institutionIds, today)) {
			keeping.add(lot.institutionId());
			String link = "/seeds/lots/" + lot.id();
			String name = lot.isotope() + " 批号 " + lot.lotNo();
			if (lot.lastDiscrepancy() != null && lot.lastDiscrepancy() != 0) {
				found.add(finding("SEEDS:DISCREPANCY:" + lot.id(), AlertSeverity.HIGH, lot.institutionId(),
						"粒子盘点账实不符：" + name,
						lot.lastCountedOn() + " 盘点数量与台账结存相差 " + lot.lastDiscrepancy()
								+ " 颗。请查明原因（丢失须登记并启动应急预案），更正后重新盘点。",
						new Evidence(
								List.of(new EvidenceFact("盘点日期", String.valueOf(lot.lastCountedOn())),
										new EvidenceFact("差异（颗）", String.valueOf(lot.lastDiscrepancy()))),
								List.of(clause("三(五)", "建立放射性粒子使用登记档案，保证粒子的可溯源性")), link, "粒子台账")));
			}
			if (lot.countOverdue()) {
				found
					.add(finding("SEEDS:COUNT_OVERDUE:" + lot.id(), AlertSeverity.MEDIUM, lot.institutionId(),
							"粒子盘点逾期：" + name,
							"该批次仍有 " + (lot.inStock() + lot.outstanding()) + " 颗粒子在账，应于 " + lot.countDueOn()
									+ " 前盘点（至少每 6 个月一次），至今未盘点。",
							new Evidence(
									List.of(new EvidenceFact("应盘点日期", lot.countDueOn().toString()),
											new EvidenceFact("上次盘点",
													lot.lastCountedOn() == null ? "从未盘点"
															: lot.lastCountedOn().toString())),
									List.of(clause("三(五)", "建立放射性粒子采购、储存、使用、回收等相关制度")), link, "粒子台账")));
			}
			if (lot.outstanding() > 0) {
				for (Issue issue : this.ledger.openIssuesOf(lot.id())) {
					LocalDate issuedOn = issue.issuedAt().atZone(zone).toLocalDate();
					if (issuedOn.isBefore(today)) {
						found.add(
								finding("SEEDS:UNRECONCILED:" + issue.issueId(), AlertSeverity.MEDIUM,
										lot.institutionId(), "粒子领用未核销：" + name,
										issuedOn + " 领用 " + issue.issued() + " 颗，尚有 " + issue.outstanding()
												+ " 颗未登记植入、退回或丢失（领用数 = 植入 + 退回 + 丢失）。",
										new Evidence(
												List.of(new EvidenceFact("领用日期", issuedOn.toString()),
														new EvidenceFact("未核销（颗）",
																String.valueOf(issue.outstanding()))),
												List.of(clause("三(五)", "保证粒子的可溯源性")), link, "粒子台账")));
					}
				}
			}
		}
		for (Incident incident : this.ledger.openIncidentsOf(institutionIds)) {
			long open = incident.steps().stream().filter(s -> !s.done()).count();
			found.add(finding("SEEDS:INCIDENT:" + incident.id(), AlertSeverity.HIGH, incident.institutionId(),
					"放射性粒子" + incident.kindLabel() + "事件未关闭：批号 " + incident.lotNo(),
					incident.kindLabel() + " " + incident.quantity() + " 颗，应急预案尚有 " + open + " 个步骤未完成。",
					new Evidence(
							List.of(new EvidenceFact("发生时间", incident.openedAt().atZone(zone).toLocalDate().toString()),
									new EvidenceFact("数量（颗）", String.valueOf(incident.quantity()))),
							List.of(clause("三(六)", "建立放射性粒子遗落、丢失、泄漏等情况的应急预案")), "/seeds/incidents", "应急事件")));
		}
		for (SafetyRecord record : this.safety.recordsOf(institutionIds, false, today)) {
			keeping.add(record.institutionId());
			if (record.current() && !"OK".equals(record.state())) {
				found.add(due(record,
						record.kind() + ":" + (record.personId() == null ? record.institutionId() : record.personId()),
						"三(七)", "相关医务人员按照规定定期接受放射性防护培训及体格检查；医疗机构定期接受生态环境部门环境检查"));
			}
		}
		if (!keeping.isEmpty()) {
			for (SafetyRecord licence : this.safety.recordsOf(keeping, true, today)) {
				if (licence.id() == null && !"OK".equals(licence.state())) {
					found.add(due(licence, "LICENCE:" + licence.kind() + ":" + licence.institutionId(), "一(三)",
							"医疗机构应当具有《放射诊疗许可证》、《辐射安全许可证》等相关资质证明文件"));
				}
			}
		}
		return found;
	}

	private AlertFinding due(SafetyRecord record, String key, String clause, String text) {
		String who = record.personName() == null ? "" : record.personName() + "的";
		String title = switch (record.state()) {
			case "MISSING" -> "未登记" + record.kindLabel();
			case "OVERDUE" -> who + record.kindLabel() + "已过期";
			default -> who + record.kindLabel() + "即将到期";
		};
		String message = "MISSING".equals(record.state()) ? "开展放射性粒子植入治疗须持有" + record.kindLabel() + "，机构信息中未登记。"
				: who + record.kindLabel() + "（" + (record.doneOn() == null ? "" : record.doneOn() + "，") + "到期日 "
						+ record.dueOn() + "）"
						+ ("OVERDUE".equals(record.state()) ? "已过期，请尽快安排。"
								: "将在 " + (record.id() == null ? RadiationSafetyManagement.LICENCE_DUE_SOON_DAYS
										: RadiationSafetyManagement.DUE_SOON_DAYS) + " 天内到期。");
		return finding("SEEDS:" + key, "DUE_SOON".equals(record.state()) ? AlertSeverity.LOW : AlertSeverity.HIGH,
				record.institutionId(), title, message,
				new Evidence(List.of(new EvidenceFact("到期日", record.dueOn() == null ? "—" : record.dueOn().toString())),
						List.of(clause(clause, text)), "/seeds/safety?institutionId=" + record.institutionId(),
						"辐射安全记录"));
	}

	private static EvidenceItem clause(String number, String text) {
		return new EvidenceItem("G07 " + number, text, null, null);
	}

	private static AlertFinding finding(String key, AlertSeverity severity, UUID institutionId, String title,
			String message, Evidence evidence) {
		return new AlertFinding(AlertKind.RADIATION_SAFETY, key, severity, institutionId, SeedLedgerManagement.G07,
				"放射性粒子植入治疗技术", title, message, evidence);
	}

}
