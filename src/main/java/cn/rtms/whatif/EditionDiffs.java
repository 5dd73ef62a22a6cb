package cn.rtms.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.rules.EligibilityComparison;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.FactsChange;
import cn.rtms.rules.SpecDiff;
import cn.rtms.rules.SpecificationManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The edition diff with the institutions each change affects (docs/what-if.md): every
 * institution in the caller's scope with a filing, a granted authorization or registry
 * cases of the technology is evaluated under both editions (with its staff and as a
 * training base), and a change affects it when its verdict on the older clause differs
 * from its verdict on the newer one (a clause missing on one side, not applicable or met
 * count alike: none asks anything more of it). Nothing is saved.
 */
@Service
@Transactional(readOnly = true)
public class EditionDiffs {

	/** How many names a person-level detail lists. */
	static final int MAX_NAMES = 5;

	private final SpecificationManagement specs;

	private final EligibilityManagement eligibility;

	private final WhatIfScenarios scenarios;

	private final IdentityManagement identity;

	EditionDiffs(SpecificationManagement specs, EligibilityManagement eligibility, WhatIfScenarios scenarios,
			IdentityManagement identity) {
		this.specs = specs;
		this.eligibility = eligibility;
		this.scenarios = scenarios;
		this.identity = identity;
	}

	/**
	 * @param from older edition key (or edition label with {@code technology})
	 * @param to newer edition key (or label)
	 * @param technology technology code when {@code from} and {@code to} are labels
	 * @return the diff and the institutions affected
	 */
	public EditionDiffView diff(String from, String to, @Nullable String technology) {
		CurrentUser user = this.identity.currentUser();
		String fromKey = key(from, technology, "from");
		String toKey = key(to, technology, "to");
		SpecDiff diff = this.specs.diff(fromKey, toKey);
		List<String> notices = new ArrayList<>();
		notices.add("条款对齐：按适用对象（及培训途径）分组，先按条文相同（忽略空白与全半角标点）、再按编号相同、再按条文最相近配对；未配对的为新增或删除；标题性条目不计");
		List<EligibilityComparison> comparisons = new ArrayList<>();
		if (user.hasRole(WhatIfScenarios.ROLES)) {
			List<UUID> ids = this.scenarios.concerned(diff.technology(), user);
			if (ids.size() > WhatIfScenarios.MAX_INSTITUTIONS) {
				notices.add("数据范围内开展该技术的医疗机构超过 " + WhatIfScenarios.MAX_INSTITUTIONS + " 家，未逐机构评估；请在变化影响分析中指定机构");
			}
			else {
				for (UUID id : ids) {
					comparisons.addAll(this.eligibility.compare(id, diff.technology(), FactsChange.none(), fromKey,
							toKey, true, null));
				}
				notices.add("受影响机构：当前账号数据范围内已备案、已授权或有登记病例的医疗机构，按两个版本分别评估（共 " + ids.size() + " 家）");
			}
		}
		else {
			notices.add("当前角色不逐机构评估受影响的医疗机构");
		}
		List<EditionDiffView.ChangeImpact> changes = diff.changes()
			.stream()
			.map(change -> new EditionDiffView.ChangeImpact(change,
					comparisons.stream().map(c -> affected(change, c)).filter(a -> a != null).toList()))
			.toList();
		return new EditionDiffView(diff.technology(), this.scenarios.technologyName(diff.technology()), diff.from(),
				diff.to(), changes, diff.renumbered(), diff.unchanged(), comparisons.size(), notices);
	}

	private static String key(String value, @Nullable String technology, String field) {
		if (value.contains("-")) {
			return value;
		}
		if (technology == null) {
			throw new InvalidScenario(field, "请给出完整版本（如 G08-2022），或同时给出 technology");
		}
		return technology + "-" + value;
	}

	/**
	 * @return the institution when the change affects it, else null
	 */
	static EditionDiffView.@Nullable AffectedInstitution affected(SpecDiff.ClauseChange change,
			EligibilityComparison c) {
		return switch (change.subject()) {
			case "INSTITUTION" -> institution(change, c, c.before(), c.after());
			case "TRAINING_BASE" -> institution(change, c, c.trainingBaseBefore(), c.trainingBaseAfter());
			default -> people(change, c);
		};
	}

	private static EditionDiffView.@Nullable AffectedInstitution institution(SpecDiff.ClauseChange change,
			EligibilityComparison c, @Nullable EligibilityReport before, @Nullable EligibilityReport after) {
		EligibilityReport.ClauseResult o = clause(before, change.fromRef());
		EligibilityReport.ClauseResult n = clause(after, change.toRef());
		if (comparable(o).equals(comparable(n))) {
			return null;
		}
		return new EditionDiffView.AffectedInstitution(c.institutionId(), c.institutionName(), c.regionCode(), label(o),
				label(n), n != null ? n.explanation() : "新版不再要求");
	}

	private static EditionDiffView.@Nullable AffectedInstitution people(SpecDiff.ClauseChange change,
			EligibilityComparison c) {
		Map<String, Integer> before = new LinkedHashMap<>();
		Map<String, Integer> after = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		int count = 0;
		for (EligibilityComparison.PersonComparison p : c.people()) {
			boolean physician = p.physician();
			boolean concerns = switch (change.subject()) {
				case "PHYSICIAN", "TRAINEE" -> physician;
				default -> !physician;
			};
			if (!concerns) {
				continue;
			}
			boolean trainee = "TRAINEE".equals(change.subject());
			EligibilityReport.ClauseResult o = clause(trainee ? trainee(p.before()) : p.before(), change.fromRef());
			EligibilityReport.ClauseResult n = clause(trainee ? trainee(p.after()) : p.after(), change.toRef());
			if (comparable(o).equals(comparable(n))) {
				continue;
			}
			count++;
			before.merge(label(o), 1, Integer::sum);
			after.merge(label(n), 1, Integer::sum);
			if (names.size() < MAX_NAMES) {
				names.add(p.name() + "：" + label(o) + " → " + label(n));
			}
		}
		if (count == 0) {
			return null;
		}
		return new EditionDiffView.AffectedInstitution(c.institutionId(), c.institutionName(), c.regionCode(),
				counts(before), counts(after),
				String.join("；", names) + (count > names.size() ? " 等 " + count + " 人" : ""));
	}

	private static @Nullable EligibilityReport trainee(@Nullable EligibilityReport report) {
		return report == null ? null : report.trainee();
	}

	private static String counts(Map<String, Integer> counts) {
		return counts.entrySet()
			.stream()
			.map(e -> e.getKey() + " " + e.getValue() + " 人")
			.collect(Collectors.joining("、"));
	}

	private static EligibilityReport.@Nullable ClauseResult clause(@Nullable EligibilityReport report,
			@Nullable String ref) {
		if (report == null || ref == null) {
			return null;
		}
		return report.clauses().stream().filter(c -> c.ref().equals(ref)).findFirst().orElse(null);
	}

	private static String comparable(EligibilityReport.@Nullable ClauseResult clause) {
		return ClausePairing.comparable(clause == null ? null : clause.status());
	}

	private static String label(EligibilityReport.@Nullable ClauseResult clause) {
		return clause == null ? ClausePairing.ABSENT_LABEL : clause.statusLabel();
	}

}
