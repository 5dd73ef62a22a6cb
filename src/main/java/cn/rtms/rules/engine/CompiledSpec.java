package cn.rtms.rules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.spec.Clause;
import cn.rtms.rules.engine.spec.CodedName;
import cn.rtms.rules.engine.spec.Pathway;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.Subject;
import org.jspecify.annotations.Nullable;

/**
 * A spec prepared for fast repeated evaluation: clauses grouped by subject, staff role
 * and pathway once. Immutable and thread-safe; obtained from
 * {@link EligibilityEngine#compile(RequirementSpec)}.
 */
public final class CompiledSpec {

	private final RequirementSpec spec;

	private final Map<Subject, List<Clause>> bySubject = new EnumMap<>(Subject.class);

	private final Map<StaffRole, List<Clause>> byRole = new EnumMap<>(StaffRole.class);

	private final Map<Pathway, List<Clause>> byPathway = new EnumMap<>(Pathway.class);

	private final Map<String, String> subTechniqueNames;

	private final Set<String> citations = new HashSet<>();

	private final Map<String, List<String>> carriedOver = new HashMap<>();

	private final Set<String> carriedCitations = new HashSet<>();

	private final Set<String> earlierCitations = new HashSet<>();

	private final Set<String> laterCitations = new HashSet<>();

	private final boolean knowsEditions;

	private final Set<String> exemptionEditions = new HashSet<>();

	CompiledSpec(RequirementSpec spec) {
		this(spec, List.of(), List.of(), false);
	}

	/**
	 * Compiles a spec knowing its earlier editions: a confirmation of an earlier
	 * edition's clause carries over to this edition's clause when both are about the same
	 * subject and their texts are the same (ignoring whitespace and half-/full-width
	 * punctuation).
	 */
	CompiledSpec(RequirementSpec spec, List<RequirementSpec> earlier, List<RequirementSpec> later,
			boolean knowsEditions) {
		this.spec = spec;
		this.knowsEditions = knowsEditions;
		for (RequirementSpec edition : earlier) {
			edition.clauses().forEach((clause) -> this.earlierCitations.add(clause.citation()));
		}
		for (RequirementSpec edition : later) {
			edition.clauses().forEach((clause) -> this.laterCitations.add(clause.citation()));
		}
		for (Clause clause : spec.clauses()) {
			this.citations.add(clause.citation());
			if (clause.heading() || clause.attestation() == null) {
				continue;
			}
			String text = normalised(clause.text());
			for (RequirementSpec edition : earlier) {
				for (Clause old : edition.clauses()) {
					if (old.subject() == clause.subject() && old.attestation() != null
							&& normalised(old.text()).equals(text)) {
						this.carriedOver.computeIfAbsent(clause.citation(), (key) -> new ArrayList<>())
							.add(old.citation());
						this.carriedCitations.add(old.citation());
					}
				}
			}
		}
		List<String> exemption = exemptionTexts(spec);
		if (!exemption.isEmpty()) {
			this.exemptionEditions.add(spec.key());
			for (RequirementSpec edition : earlier) {
				if (sameExemption(spec, edition, exemption)) {
					this.exemptionEditions.add(edition.key());
				}
			}
			for (RequirementSpec edition : later) {
				if (sameExemption(spec, edition, exemption)) {
					this.exemptionEditions.add(edition.key());
				}
			}
		}
		for (Subject subject : Subject.values()) {
			List<Clause> clauses = new ArrayList<>();
			for (Clause clause : spec.clauses()) {
				if (clause.subject() == subject) {
					clauses.add(clause);
				}
			}
			this.bySubject.put(subject, List.copyOf(clauses));
		}
		for (StaffRole role : StaffRole.values()) {
			List<Clause> clauses = new ArrayList<>();
			for (Clause clause : this.bySubject.get(Subject.STAFF)) {
				if (clause.appliesTo(role)) {
					clauses.add(clause);
				}
			}
			this.byRole.put(role, List.copyOf(clauses));
		}
		for (Clause clause : this.bySubject.get(Subject.TRAINEE)) {
			if (!clause.heading() && clause.pathway() != null) {
				this.byPathway.computeIfAbsent(clause.pathway(), (pathway) -> new ArrayList<>()).add(clause);
			}
		}
		this.byPathway.replaceAll((pathway, clauses) -> List.copyOf(clauses));
		Map<String, String> names = new HashMap<>();
		for (CodedName sub : spec.subTechniques()) {
			names.put(sub.code(), sub.name());
		}
		this.subTechniqueNames = Collections.unmodifiableMap(names);
	}

	/**
	 * Returns the spec.
	 * @return the spec
	 */
	public RequirementSpec spec() {
		return this.spec;
	}

	/**
	 * Returns the clauses about a subject, in spec order (headings included).
	 * @param subject the subject
	 * @return the clauses
	 */
	public List<Clause> clauses(Subject subject) {
		return this.bySubject.get(subject);
	}

	/**
	 * Returns the STAFF clauses applying to a role.
	 * @param role the role
	 * @return the clauses
	 */
	public List<Clause> staffClauses(StaffRole role) {
		return this.byRole.get(role);
	}

	/**
	 * Returns the trainee pathways the spec has (those with at least one non-heading
	 * clause), with their clauses.
	 * @return pathway to clauses
	 */
	public Map<Pathway, List<Clause>> pathways() {
		return Collections.unmodifiableMap(this.byPathway);
	}

	Map<String, String> subTechniqueNames() {
		return this.subTechniqueNames;
	}

	/**
	 * The exemption (免于培训) an authority granted that this edition accepts on a date: one
	 * of the same technology approved on or before the date, under this edition or under
	 * another edition whose exemption-pathway clauses have the same texts (ignoring
	 * whitespace and punctuation width). An edition without an exemption pathway accepts
	 * none.
	 * @param person the person
	 * @param date the evaluation date
	 * @return the earliest such grant, {@code null} when there is none
	 */
	public PersonFacts.@Nullable ExemptionGrant exemptionGrant(PersonFacts person, LocalDate date) {
		List<PersonFacts.ExemptionGrant> grants = person.exemptions();
		if (grants == null || grants.isEmpty() || this.exemptionEditions.isEmpty()) {
			return null;
		}
		PersonFacts.ExemptionGrant found = null;
		for (PersonFacts.ExemptionGrant grant : grants) {
			if (grant.technology().equals(this.spec.technology()) && this.exemptionEditions.contains(grant.spec())
					&& !grant.approvedOn().isAfter(date)
					&& (found == null || grant.approvedOn().isBefore(found.approvedOn()))) {
				found = grant;
			}
		}
		return found;
	}

	/**
	 * How a verdict names a granted exemption: the edition, the approval day and who
	 * approved it.
	 * @param grant the grant
	 * @return e.g. "G07-2022 免于培训已于 2021-03-01 经吉林省卫生健康委员会批准"
	 */
	public String describe(PersonFacts.ExemptionGrant grant) {
		return grant.spec() + " 免于培训已于 " + grant.approvedOn() + " "
				+ ((grant.approvedBy() != null) ? "经" + grant.approvedBy() + "批准" : "批准")
				+ (grant.spec().equals(this.spec.key()) ? "" : "（本版免于培训条款与该版相同）");
	}

	/**
	 * Whether an exemption approved under {@code edition} is one under {@code spec}: the
	 * same exemption texts, and, where they are judged as of 本规范印发之日 ({@code asOf:
	 * ISSUE_DATE}), the same issue date — the same words under another date ask for other
	 * facts (S04-2017 and S04-2022: cases before 2017-02-14 against before 2022-11-22).
	 */
	private static boolean sameExemption(RequirementSpec spec, RequirementSpec edition, List<String> exemption) {
		if (!exemptionTexts(edition).equals(exemption)) {
			return false;
		}
		return edition.issuedOn().equals(spec.issuedOn()) || (!atIssueDate(spec) && !atIssueDate(edition));
	}

	private static boolean atIssueDate(RequirementSpec edition) {
		for (Clause clause : edition.clauses()) {
			if (clause.subject() == Subject.TRAINEE && clause.pathway() == Pathway.EXEMPTION && clause.rule() != null
					&& usesIssueDate(clause.rule())) {
				return true;
			}
		}
		return false;
	}

	private static boolean usesIssueDate(cn.rtms.rules.engine.rule.Rule rule) {
		return switch (rule) {
			case cn.rtms.rules.engine.rule.IssueDateRule r -> true;
			case cn.rtms.rules.engine.rule.AllOfRule all -> all.rules().stream().anyMatch(CompiledSpec::usesIssueDate);
			case cn.rtms.rules.engine.rule.AnyOfRule any -> any.rules().stream().anyMatch(CompiledSpec::usesIssueDate);
			case cn.rtms.rules.engine.rule.ApplicableWhenRule when ->
				usesIssueDate(when.condition()) || usesIssueDate(when.rule());
			default -> false;
		};
	}

	private static List<String> exemptionTexts(RequirementSpec edition) {
		List<String> texts = new ArrayList<>();
		for (Clause clause : edition.clauses()) {
			if (clause.subject() == Subject.TRAINEE && !clause.heading() && clause.pathway() == Pathway.EXEMPTION) {
				texts.add(normalised(clause.text()));
			}
		}
		Collections.sort(texts);
		return texts;
	}

	/**
	 * Whether a citation names a clause of this edition.
	 */
	boolean cites(String citation) {
		return this.citations.contains(citation);
	}

	/**
	 * Citations of earlier editions' clauses whose confirmation carries over to a clause
	 * of this edition (same text).
	 */
	List<String> carriedOver(Clause clause) {
		return this.carriedOver.getOrDefault(clause.citation(), List.of());
	}

	/**
	 * Whether a citation of an earlier edition carries over to some clause of this one.
	 */
	boolean carriesOver(String citation) {
		return this.carriedCitations.contains(citation);
	}

	/**
	 * Whether the engine knows the other editions of the technology (then
	 * {@link #citesEarlier} and {@link #citesLater} are meaningful).
	 */
	boolean knowsEditions() {
		return this.knowsEditions;
	}

	/**
	 * Whether a citation names a clause of an earlier edition.
	 */
	boolean citesEarlier(String citation) {
		return this.earlierCitations.contains(citation);
	}

	/**
	 * Whether a citation names a clause of a later edition (used when an older edition is
	 * evaluated for a subject the edition in force has no clauses for).
	 */
	boolean citesLater(String citation) {
		return this.laterCitations.contains(citation);
	}

	/**
	 * The text as compared when confirmations carry over between editions: without
	 * whitespace, half-width punctuation read as full-width.
	 * @param text clause text
	 * @return the normalised text
	 */
	public static String normalised(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				continue;
			}
			out.append(switch (c) {
				case ',' -> '，';
				case ':' -> '：';
				case ';' -> '；';
				case '(' -> '（';
				case ')' -> '）';
				default -> c;
			});
		}
		return out.toString();
	}

}
