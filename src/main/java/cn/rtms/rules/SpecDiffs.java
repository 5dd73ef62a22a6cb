package cn.rtms.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.rtms.rules.engine.CompiledSpec;
import cn.rtms.rules.engine.spec.Clause;
import cn.rtms.rules.engine.spec.RequirementSpec;
import org.jspecify.annotations.Nullable;

/**
 * Aligns the clauses of two editions and lists what differs ({@link SpecDiff}).
 * <p>
 * Alignment: headings are left out (no requirement). Only clauses about the same subject
 * (and, for trainees, the same pathway) are paired, in three passes, each taking only
 * clauses not yet paired: (1) identical text (normalised as for carrying confirmations
 * over: whitespace and half-/full-width punctuation ignored), first unpaired in order;
 * (2) identical number; (3) the most similar texts first (Dice coefficient of character
 * bigrams, at least {@value #MIN_SIMILARITY}). What is left is ADDED (newer side) or
 * REMOVED (older side). A pair differs in its text, its machine-checked requirement (the
 * rule's Chinese summary) or what a reviewer must confirm.
 */
final class SpecDiffs {

	/** Least similarity for pass 3. */
	static final double MIN_SIMILARITY = 0.5;

	private SpecDiffs() {
	}

	static SpecDiff diff(RequirementSpec from, RequirementSpec to) {
		List<Clause> older = requirements(from);
		List<Clause> newer = requirements(to);
		Map<Clause, Clause> pairs = new LinkedHashMap<>();
		Map<Clause, Clause> reverse = new HashMap<>();
		// pass 1: identical text
		for (Clause n : newer) {
			String text = CompiledSpec.normalised(n.text());
			older.stream()
				.filter(o -> !reverse.containsKey(o) && sameGroup(o, n)
						&& CompiledSpec.normalised(o.text()).equals(text))
				.findFirst()
				.ifPresent(o -> pair(pairs, reverse, o, n));
		}
		// pass 2: identical number
		for (Clause n : newer) {
			if (pairs.containsKey(n)) {
				continue;
			}
			older.stream()
				.filter(o -> !reverse.containsKey(o) && sameGroup(o, n) && o.ref().equals(n.ref()))
				.findFirst()
				.ifPresent(o -> pair(pairs, reverse, o, n));
		}
		// pass 3: most similar text first
		List<Candidate> candidates = new ArrayList<>();
		for (Clause n : newer) {
			if (pairs.containsKey(n)) {
				continue;
			}
			for (Clause o : older) {
				if (!reverse.containsKey(o) && sameGroup(o, n)) {
					double similarity = similarity(o.text(), n.text());
					if (similarity >= MIN_SIMILARITY) {
						candidates.add(new Candidate(o, n, similarity));
					}
				}
			}
		}
		candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
		for (Candidate c : candidates) {
			if (!pairs.containsKey(c.newer()) && !reverse.containsKey(c.older())) {
				pair(pairs, reverse, c.older(), c.newer());
			}
		}
		List<SpecDiff.ClauseChange> changes = new ArrayList<>();
		List<SpecDiff.RenumberedClause> renumbered = new ArrayList<>();
		int unchanged = 0;
		for (Clause n : newer) {
			Clause o = pairs.get(n);
			if (o == null) {
				changes.add(change("ADDED", null, n));
				continue;
			}
			List<String> differences = differences(o, n);
			if (!differences.isEmpty()) {
				changes.add(change("CHANGED", o, n));
			}
			else if (!o.ref().equals(n.ref())) {
				renumbered.add(new SpecDiff.RenumberedClause(o.ref(), n.ref(), n.subject().label()));
			}
			else {
				unchanged++;
			}
		}
		for (Clause o : older) {
			if (!reverse.containsKey(o)) {
				changes.add(change("REMOVED", o, null));
			}
		}
		return new SpecDiff(to.technology(), edition(from), edition(to), changes, renumbered, unchanged);
	}

	private static void pair(Map<Clause, Clause> pairs, Map<Clause, Clause> reverse, Clause older, Clause newer) {
		pairs.put(newer, older);
		reverse.put(older, newer);
	}

	private static List<Clause> requirements(RequirementSpec spec) {
		return spec.clauses().stream().filter(c -> !c.heading()).toList();
	}

	private static boolean sameGroup(Clause a, Clause b) {
		return a.subject() == b.subject() && Objects.equals(a.pathway(), b.pathway())
				&& new HashSet<>(a.staffRoles()).equals(new HashSet<>(b.staffRoles()));
	}

	/**
	 * @param a a text
	 * @param b another
	 * @return Dice coefficient of the normalised texts' character bigrams (0..1)
	 */
	static double similarity(String a, String b) {
		List<String> x = bigrams(CompiledSpec.normalised(a));
		List<String> y = bigrams(CompiledSpec.normalised(b));
		if (x.isEmpty() || y.isEmpty()) {
			return x.equals(y) ? 1 : 0;
		}
		Map<String, Integer> counts = new HashMap<>();
		x.forEach(g -> counts.merge(g, 1, Integer::sum));
		int common = 0;
		for (String g : y) {
			Integer left = counts.get(g);
			if (left != null && left > 0) {
				common++;
				counts.put(g, left - 1);
			}
		}
		return 2.0 * common / (x.size() + y.size());
	}

	private static List<String> bigrams(String s) {
		List<String> grams = new ArrayList<>();
		for (int i = 0; i + 2 <= s.length(); i++) {
			grams.add(s.substring(i, i + 2));
		}
		return grams;
	}

	static List<String> differences(Clause o, Clause n) {
		List<String> differences = new ArrayList<>();
		if (!CompiledSpec.normalised(o.text()).equals(CompiledSpec.normalised(n.text()))) {
			differences.add("条文");
		}
		if (!Objects.equals(o.ruleSummary(), n.ruleSummary())) {
			differences.add("可核验要求");
		}
		if (!Objects.equals(evidence(o), evidence(n))) {
			differences.add("人工确认内容");
		}
		return differences;
	}

	private static @Nullable String evidence(@Nullable Clause c) {
		return (c == null || c.attestation() == null) ? null : c.attestation().evidence();
	}

	private static SpecDiff.ClauseChange change(String kind, @Nullable Clause o, @Nullable Clause n) {
		Clause any = n != null ? n : Objects.requireNonNull(o);
		List<String> differences = (o != null && n != null) ? differences(o, n) : List.of();
		String label = switch (kind) {
			case "ADDED" -> "新增";
			case "REMOVED" -> "删除";
			default -> "变更";
		};
		return new SpecDiff.ClauseChange(kind, label, any.subject().name(), any.subject().label(),
				any.pathway() == null ? null : any.pathway().name(),
				any.pathway() == null ? null : any.pathway().label(), o == null ? null : o.ref(),
				n == null ? null : n.ref(), o == null ? null : o.citation(), n == null ? null : n.citation(),
				o == null ? null : o.text(), n == null ? null : n.text(), o == null ? null : o.ruleSummary(),
				n == null ? null : n.ruleSummary(), evidence(o), evidence(n), differences,
				summary(kind, o, n, differences));
	}

	private static String summary(String kind, @Nullable Clause o, @Nullable Clause n, List<String> differences) {
		return switch (kind) {
			case "ADDED" -> "新版新增条款 " + Objects.requireNonNull(n).ref() + "（" + n.subject().label() + "）";
			case "REMOVED" -> "旧版条款 " + Objects.requireNonNull(o).ref() + "（" + o.subject().label() + "）在新版中不再保留";
			default -> "条款 " + Objects.requireNonNull(o).ref() + " → " + Objects.requireNonNull(n).ref() + "："
					+ String.join("、", differences) + "有变化"
					+ (differences.contains("条文") && o.attestation() != null && n.attestation() != null
							? "（原条款的人工确认不再沿用，须按新条文重新确认）" : "");
		};
	}

	static SpecDiff.SpecEdition edition(RequirementSpec spec) {
		return new SpecDiff.SpecEdition(spec.key(), spec.technology(), spec.edition(), spec.title(),
				spec.effectiveFrom(), spec.effectiveUntil(), spec.jurisdiction());
	}

	private record Candidate(Clause older, Clause newer, double similarity) {
	}

}
