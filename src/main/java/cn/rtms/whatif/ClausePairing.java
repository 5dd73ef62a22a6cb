package cn.rtms.whatif;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.SpecDiff;
import org.jspecify.annotations.Nullable;

/**
 * Which clause of the "after" report answers which clause of the "before" report: the
 * same number under one edition, the edition diff's alignment between two
 * ({@link cn.rtms.rules.SpecificationManagement#diff}).
 */
final class ClausePairing {

	/** Status of a clause the edition does not have. */
	static final String ABSENT = "ABSENT";

	static final String ABSENT_LABEL = "无此条款";

	private final Map<String, String> beforeRefOf = new HashMap<>();

	private final Set<String> added = new HashSet<>();

	private final Set<String> removed = new HashSet<>();

	private ClausePairing() {
	}

	/**
	 * @return the pairing of one edition with itself
	 */
	static ClausePairing sameEdition() {
		return new ClausePairing();
	}

	/**
	 * @param diff the diff of the two editions
	 * @return the pairing it describes
	 */
	static ClausePairing of(SpecDiff diff) {
		ClausePairing pairing = new ClausePairing();
		for (SpecDiff.ClauseChange change : diff.changes()) {
			if (change.fromRef() != null && change.toRef() != null) {
				pairing.beforeRefOf.put(change.toRef(), change.fromRef());
			}
			else if (change.toRef() != null) {
				pairing.added.add(change.toRef());
			}
			else if (change.fromRef() != null) {
				pairing.removed.add(change.fromRef());
			}
		}
		diff.renumbered().forEach(r -> pairing.beforeRefOf.put(r.toRef(), r.fromRef()));
		return pairing;
	}

	/**
	 * @param before report before, or null
	 * @param after report after, or null
	 * @return the clauses whose verdict differs (a clause missing on one side counts as
	 * not applicable there)
	 */
	List<ScenarioResult.ClauseFlip> flips(@Nullable EligibilityReport before, @Nullable EligibilityReport after) {
		Map<String, EligibilityReport.ClauseResult> old = new LinkedHashMap<>();
		if (before != null) {
			before.clauses().forEach(c -> old.put(c.ref(), c));
		}
		Set<String> claimed = new HashSet<>();
		List<ScenarioResult.ClauseFlip> flips = new ArrayList<>();
		if (after != null) {
			for (EligibilityReport.ClauseResult n : after.clauses()) {
				String beforeRef = this.added.contains(n.ref()) ? null
						: this.beforeRefOf.getOrDefault(n.ref(), n.ref());
				EligibilityReport.ClauseResult o = beforeRef == null ? null : old.get(beforeRef);
				if (o != null) {
					claimed.add(o.ref());
				}
				flip(o, n).ifPresent(flips::add);
			}
		}
		for (EligibilityReport.ClauseResult o : old.values()) {
			if (!claimed.contains(o.ref()) && (after == null || this.removed.contains(o.ref())
					|| after.clauses().stream().noneMatch(c -> c.ref().equals(o.ref())))) {
				flip(o, null).ifPresent(flips::add);
			}
		}
		return flips;
	}

	private static java.util.Optional<ScenarioResult.ClauseFlip> flip(EligibilityReport.@Nullable ClauseResult o,
			EligibilityReport.@Nullable ClauseResult n) {
		String before = o == null ? ABSENT : o.status();
		String after = n == null ? ABSENT : n.status();
		if (comparable(before).equals(comparable(after))) {
			return java.util.Optional.empty();
		}
		EligibilityReport.ClauseResult any = n != null ? n : Objects.requireNonNull(o);
		String explanation = n != null ? n.explanation()
				: "新版不再保留该条款（原条款 " + Objects.requireNonNull(o).citation() + "：" + o.statusLabel() + "）";
		if (o == null) {
			explanation = "新版新增条款：" + explanation;
		}
		return java.util.Optional
			.of(new ScenarioResult.ClauseFlip(o == null ? null : o.ref(), n == null ? null : n.ref(), any.citation(),
					any.text(), any.required() != null ? any.required() : (o != null ? o.required() : null),
					o == null ? null : o.actual(), n == null ? null : n.actual(), before,
					o == null ? ABSENT_LABEL : o.statusLabel(), after, n == null ? ABSENT_LABEL : n.statusLabel(),
					explanation));
	}

	/**
	 * A clause missing on one side asks nothing there: like a clause not applicable, it
	 * burdens no more than a clause met. Other verdicts compare as they are.
	 * @param status a verdict code, {@value #ABSENT} or null
	 * @return the verdict as compared
	 */
	static String comparable(@Nullable String status) {
		return (status == null || ABSENT.equals(status) || "NOT_APPLICABLE".equals(status)) ? "MET" : status;
	}

}
