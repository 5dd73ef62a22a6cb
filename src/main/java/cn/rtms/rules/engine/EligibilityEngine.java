package cn.rtms.rules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.rtms.rules.engine.facts.Attestation;
import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.rule.AllOfRule;
import cn.rtms.rules.engine.rule.AnyOfRule;
import cn.rtms.rules.engine.rule.EvaluationContext;
import cn.rtms.rules.engine.rule.IssueDateRule;
import cn.rtms.rules.engine.rule.PathwayFinding;
import cn.rtms.rules.engine.rule.Rule;
import cn.rtms.rules.engine.rule.RuleResult;
import cn.rtms.rules.engine.rule.StaffEvaluator;
import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.Clause;
import cn.rtms.rules.engine.spec.ClauseAttestation;
import cn.rtms.rules.engine.spec.Pathway;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLibrary;
import cn.rtms.rules.engine.spec.Subject;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates facts against a spec edition, clause by clause.
 * <ul>
 * <li>INSTITUTION: the clauses with subject INSTITUTION (including technical-management
 * clauses);</li>
 * <li>TRAINING_BASE: the clauses with subject TRAINING_BASE;</li>
 * <li>PHYSICIAN: the PHYSICIAN clauses, for {@code facts.person()};</li>
 * <li>STAFF: the STAFF clauses applying to the given role;</li>
 * <li>TRAINEE: the TRAINEE clauses per pathway; qualified when every clause of one
 * pathway is met.</li>
 * </ul>
 * A clause with a rule and/or an attestation is MET when the rule is met and the
 * attestation (matched by citation in the subject's attestations, confirmed on or before
 * the evaluation date) is present; NEEDS_ATTESTATION when only the confirmation is
 * missing. Overall: any ERROR, else any NOT_MET, else any UNKNOWN, else any
 * NEEDS_ATTESTATION, else MET. Thread-safe; specs are compiled once and cached.
 */
public final class EligibilityEngine {

	private final Map<String, CompiledSpec> compiled = new ConcurrentHashMap<>();

	private final @Nullable SpecLibrary library;

	/**
	 * An engine that knows no other editions: confirmations never carry over from an
	 * earlier edition.
	 */
	public EligibilityEngine() {
		this.library = null;
	}

	/**
	 * An engine that knows every edition of the library, so that a confirmation of an
	 * earlier edition's clause carries over to a later edition's clause with the same
	 * text.
	 * @param library the loaded editions
	 */
	public EligibilityEngine(SpecLibrary library) {
		this.library = library;
	}

	/**
	 * Returns the compiled form of a spec, compiling it on first use.
	 * @param spec the spec
	 * @return the compiled spec
	 */
	public CompiledSpec compile(RequirementSpec spec) {
		CompiledSpec cached = this.compiled.get(spec.key());
		if (cached != null && cached.spec() == spec) {
			return cached;
		}
		List<RequirementSpec> earlier = new ArrayList<>();
		List<RequirementSpec> later = new ArrayList<>();
		if (this.library != null) {
			for (RequirementSpec edition : this.library.editions(spec.technology())) {
				if (edition.key().equals(spec.key())) {
					continue;
				}
				(edition.effectiveFrom().isBefore(spec.effectiveFrom()) ? earlier : later).add(edition);
			}
		}
		CompiledSpec fresh = new CompiledSpec(spec, earlier, later, this.library != null);
		this.compiled.put(spec.key(), fresh);
		return fresh;
	}

	/**
	 * Evaluates a subject other than STAFF.
	 * @param spec the spec edition
	 * @param subject INSTITUTION, PHYSICIAN, TRAINEE or TRAINING_BASE
	 * @param facts the facts (institution and/or person)
	 * @param asOf the evaluation date
	 * @return the outcome
	 */
	public Outcome evaluate(RequirementSpec spec, Subject subject, Facts facts, LocalDate asOf) {
		return evaluate(compile(spec), subject, null, facts, asOf);
	}

	/**
	 * Evaluates a subject; for STAFF the role is required.
	 * @param spec the spec edition
	 * @param subject the subject
	 * @param staffRole the role when subject is STAFF, else ignored
	 * @param facts the facts
	 * @param asOf the evaluation date
	 * @return the outcome
	 */
	public Outcome evaluate(RequirementSpec spec, Subject subject, @Nullable StaffRole staffRole, Facts facts,
			LocalDate asOf) {
		return evaluate(compile(spec), subject, staffRole, facts, asOf);
	}

	/**
	 * Evaluates a subject against a compiled spec.
	 * @param compiledSpec the compiled spec
	 * @param subject the subject
	 * @param staffRole the role when subject is STAFF, else ignored
	 * @param facts the facts
	 * @param asOf the evaluation date
	 * @return the outcome
	 * @throws IllegalArgumentException when subject is STAFF and no role is given
	 */
	public Outcome evaluate(CompiledSpec compiledSpec, Subject subject, @Nullable StaffRole staffRole, Facts facts,
			LocalDate asOf) {
		if (subject == Subject.STAFF && staffRole == null) {
			throw new IllegalArgumentException("评估其他专业技术人员（STAFF）时必须指定人员角色");
		}
		RequirementSpec spec = compiledSpec.spec();
		Session session = new Session(compiledSpec);
		EvaluationContext context = EvaluationContext.of(spec.technology(), spec.issuedOn(), asOf, facts.institution(),
				facts.person(), session, compiledSpec.subTechniqueNames());
		if (spec.issuedOnAssumed()) {
			context = context.withIssuedOnAssumed();
		}
		List<Clause> clauses = switch (subject) {
			case STAFF -> compiledSpec.staffClauses(staffRole);
			default -> compiledSpec.clauses(subject);
		};
		Confirmations attestations = new Confirmations(compiledSpec,
				attestations(subject, facts.institution(), facts.person()));
		List<ClauseOutcome> outcomes = new ArrayList<>(clauses.size());
		List<Status> statuses = new ArrayList<>(clauses.size());
		for (Clause clause : clauses) {
			ClauseOutcome outcome = evaluateClause(clause, context, attestations);
			outcomes.add(outcome);
			statuses.add(outcome.status());
		}
		List<PathwayOutcome> pathways = List.of();
		Status overall;
		PersonFacts.ExemptionGrant grant = (subject == Subject.TRAINEE && facts.person() != null)
				? compiledSpec.exemptionGrant(facts.person(), asOf) : null;
		if (subject == Subject.TRAINEE) {
			pathways = new ArrayList<>();
			List<Status> pathwayStatuses = new ArrayList<>();
			for (Map.Entry<Pathway, List<Clause>> pathway : compiledSpec.pathways().entrySet()) {
				List<Status> parts = new ArrayList<>();
				for (ClauseOutcome outcome : outcomes) {
					if (outcome.pathway() == pathway.getKey()) {
						parts.add(outcome.status());
					}
				}
				Status status = (pathway.getKey() == Pathway.EXEMPTION && grant != null) ? Status.MET
						: Status.allOf(parts);
				pathways.add(new PathwayOutcome(pathway.getKey(), status));
				pathwayStatuses.add(status);
			}
			overall = Status.anyOf(pathwayStatuses);
		}
		else {
			overall = Status.allOf(statuses);
		}
		List<PersonVerdict> physicians = List.of();
		InstitutionFacts institution = facts.institution();
		if ((subject == Subject.INSTITUTION || subject == Subject.TRAINING_BASE) && institution != null
				&& institution.staff() != null) {
			physicians = new ArrayList<>();
			for (PersonFacts person : institution.staff()) {
				if (person.roles() == null || person.roles().contains(StaffRole.PHYSICIAN)) {
					Status status = session.physician(context.forPerson(person), person);
					physicians
						.add(new PersonVerdict(person.id(), (person.name() != null) ? person.name() : "（未署名）", status));
				}
			}
		}
		List<String> notices = new ArrayList<>();
		String assumption = spec.issuedOnAssumption();
		if (assumption != null) {
			notices.add(assumption);
		}
		if (spec.truncated()) {
			notices.add("本规范原文为节选（" + spec.truncationNote() + "），缺失部分未编码，判断以现有条文为限");
		}
		if (missingFromExcerpt(spec, subject, clauses)) {
			overall = Status.UNKNOWN;
			notices.add("原文节选中没有适用于" + subject.label() + "的条款（相关部分可能在缺失的原文中），无法评估，须按完整规范判断");
		}
		else if (clauses.stream().allMatch(Clause::heading)) {
			notices.add(switch (subject) {
				case TRAINEE -> "本规范无培训要求（" + spec.key() + " 没有培训管理要求条款），不适用";
				case TRAINING_BASE -> "本规范无培训要求（" + spec.key() + " 没有培训基地要求条款），不适用";
				default -> "本规范没有适用于" + subject.label() + "的条款，不适用";
			});
		}
		if (grant != null) {
			notices.add("免于培训途径符合：" + compiledSpec.describe(grant) + "；下列免于培训条款按评估日的事实列示，仅供参考");
		}
		notices.addAll(attestations.strays(asOf));
		return new Outcome(spec.key(), spec.title(), spec.technology(), spec.edition(), subject,
				(subject == Subject.STAFF) ? staffRole : null, asOf, overall, outcomes, pathways, physicians, notices);
	}

	/**
	 * Evaluates only the overall status, without building explanations: the same verdict
	 * as {@code evaluate(...).status()}, several times faster. Meant for sweeps and
	 * matrices.
	 * @param compiledSpec the compiled spec
	 * @param subject the subject
	 * @param staffRole the role when subject is STAFF, else ignored
	 * @param facts the facts
	 * @param asOf the evaluation date
	 * @return the overall status
	 * @throws IllegalArgumentException when subject is STAFF and no role is given
	 */
	public Status status(CompiledSpec compiledSpec, Subject subject, @Nullable StaffRole staffRole, Facts facts,
			LocalDate asOf) {
		if (subject == Subject.STAFF && staffRole == null) {
			throw new IllegalArgumentException("评估其他专业技术人员（STAFF）时必须指定人员角色");
		}
		RequirementSpec spec = compiledSpec.spec();
		Session session = new Session(compiledSpec);
		EvaluationContext context = EvaluationContext
			.of(spec.technology(), spec.issuedOn(), asOf, facts.institution(), facts.person(), session,
					compiledSpec.subTechniqueNames())
			.statusOnly();
		Confirmations attestations = new Confirmations(compiledSpec,
				attestations(subject, facts.institution(), facts.person()));
		List<Clause> clauses = (subject == Subject.STAFF) ? compiledSpec.staffClauses(staffRole)
				: compiledSpec.clauses(subject);
		if (missingFromExcerpt(spec, subject, clauses)) {
			return Status.UNKNOWN;
		}
		if (subject == Subject.TRAINEE) {
			return Session.trainee(compiledSpec, facts.person(), context, attestations);
		}
		return Session.allOf(clauses, context, attestations);
	}

	/**
	 * Evaluates only the overall status (see
	 * {@link #status(CompiledSpec, Subject, StaffRole, Facts, LocalDate)}).
	 * @param spec the spec edition
	 * @param subject the subject
	 * @param staffRole the role when subject is STAFF, else ignored
	 * @param facts the facts
	 * @param asOf the evaluation date
	 * @return the overall status
	 */
	public Status status(RequirementSpec spec, Subject subject, @Nullable StaffRole staffRole, Facts facts,
			LocalDate asOf) {
		return status(compile(spec), subject, staffRole, facts, asOf);
	}

	/**
	 * Trainees or training bases in a truncated spec whose text has no clause for them:
	 * the training section is the part an excerpt loses (G10-2023 stops before it), and
	 * whether the missing text held requirements cannot be known, so the verdict is not
	 * "not applicable" (本规范无培训要求) but unknown.
	 */
	private static boolean missingFromExcerpt(RequirementSpec spec, Subject subject, List<Clause> clauses) {
		return spec.truncated() && (subject == Subject.TRAINEE || subject == Subject.TRAINING_BASE)
				&& clauses.stream().allMatch(Clause::heading);
	}

	private static Status clauseStatus(Clause clause, EvaluationContext context, Confirmations attestations) {
		Rule rule = clause.rule();
		ClauseAttestation attestation = clause.attestation();
		if (clause.heading() || (rule == null && attestation == null)) {
			return Status.NOT_APPLICABLE;
		}
		if (rule != null) {
			Status status = evaluateRule(rule, context).status();
			if (attestation != null && attestation.onlyWhenUndecided()) {
				return (status == Status.NEEDS_ATTESTATION && attestations.find(clause, context.date()) != null)
						? Status.MET : status;
			}
			if (status != Status.MET) {
				return status;
			}
		}
		if (attestation == null) {
			return Status.MET;
		}
		return (attestations.find(clause, context.date()) != null) ? Status.MET : Status.NEEDS_ATTESTATION;
	}

	private static String confirmationText(Confirmations.Match match) {
		Attestation confirmed = match.attestation();
		return ((match.carriedFrom() != null) ? "沿用 " + match.carriedFrom() + " 的确认（本版条文相同）：" : "")
				+ Attestation.Kind.REVIEW.label() + "：已由"
				+ ((confirmed.confirmedBy() != null) ? " " + confirmed.confirmedBy() + " " : "审核人")
				+ ((confirmed.confirmedOn() != null) ? "于 " + confirmed.confirmedOn() + " " : "") + "确认"
				+ ((confirmed.evidence() != null) ? "（" + confirmed.evidence() + "）" : "");
	}

	private static String declared(Confirmations.Match declaration) {
		Attestation declared = declaration.attestation();
		return ((declaration.carriedFrom() != null) ? "沿用 " + declaration.carriedFrom() + " 的" : "")
				+ Attestation.Kind.SELF_DECLARATION.label() + "："
				+ ((declared.confirmedBy() != null) ? declared.confirmedBy() + " " : "")
				+ ((declared.confirmedOn() != null) ? "于 " + declared.confirmedOn() + " " : "") + "承诺符合"
				+ ((declared.evidence() != null) ? "（" + declared.evidence() + "）" : "")
				+ "；本条须经卫生健康行政部门或评审专家审核确认，医院自评承诺不能代替";
	}

	private static List<Attestation> attestations(Subject subject, @Nullable InstitutionFacts institution,
			@Nullable PersonFacts person) {
		List<Attestation> attestations = null;
		if (subject == Subject.INSTITUTION || subject == Subject.TRAINING_BASE) {
			attestations = (institution != null) ? institution.attestations() : null;
		}
		else {
			attestations = (person != null) ? person.attestations() : null;
		}
		return (attestations != null) ? attestations : List.of();
	}

	private static ClauseOutcome evaluateClause(Clause clause, EvaluationContext context, Confirmations attestations) {
		if (clause.heading() || (clause.rule() == null && clause.attestation() == null)) {
			return new ClauseOutcome(clause.ref(), clause.citation(), clause.section(), clause.text(),
					Status.NOT_APPLICABLE, "标题条款，无独立要求", null, null, List.of(), clause.pathway());
		}
		RuleResult result = null;
		Rule rule = clause.rule();
		if (rule != null) {
			result = evaluateRule(rule, context);
			ClauseAttestation undecided = clause.attestation();
			if (undecided != null && undecided.onlyWhenUndecided()) {
				return undecidedOutcome(clause, undecided, result, context, attestations);
			}
			if (result.status() != Status.MET) {
				ClauseAttestation attestation = clause.attestation();
				boolean pending = attestation != null
						&& (result.status() == Status.UNKNOWN || result.status() == Status.NEEDS_ATTESTATION)
						&& attestations.find(clause, context.date()) == null;
				Confirmations.Match declaration = pending ? attestations.findDeclaration(clause, context.date()) : null;
				String explanation = result.explanation()
						+ (pending ? "；" + ((declaration != null) ? declared(declaration) + "；" : "") + "另需人工确认："
								+ attestation.evidence() : "");
				return new ClauseOutcome(clause.ref(), clause.citation(), clause.section(), clause.text(),
						result.status(), explanation, result.actual(), result.required(), result.evidence(),
						clause.pathway(),
						(result.status() == Status.NOT_MET) ? failedKinds(rule, context.statusOnly()) : List.of());
			}
		}
		ClauseAttestation attestation = clause.attestation();
		if (attestation == null) {
			RuleResult met = (result != null) ? result : RuleResult.of(Status.MET, "符合", null, "");
			return new ClauseOutcome(clause.ref(), clause.citation(), clause.section(), clause.text(), Status.MET,
					met.explanation(), met.actual(), met.required(), met.evidence(), clause.pathway());
		}
		return attested(clause, attestation, result, context, attestations);
	}

	/**
	 * A clause waiting for, or settled by, the reviewer's confirmation of its attestation
	 * (a hospital's own declaration is shown, never counted).
	 */
	private static ClauseOutcome attested(Clause clause, ClauseAttestation attestation, @Nullable RuleResult result,
			EvaluationContext context, Confirmations attestations) {
		String prefix = (result != null) ? result.explanation() + "；" : "";
		List<String> evidence = new ArrayList<>((result != null) ? result.evidence() : List.of());
		Confirmations.Match match = attestations.find(clause, context.date());
		if (match == null) {
			Confirmations.Match declaration = attestations.findDeclaration(clause, context.date());
			if (declaration != null) {
				evidence.add(declared(declaration));
			}
			return new ClauseOutcome(clause.ref(), clause.citation(), clause.section(), clause.text(),
					Status.NEEDS_ATTESTATION,
					prefix + ((declaration != null) ? declared(declaration) + "；待审核确认：" : "待人工确认：")
							+ attestation.evidence(),
					(result != null) ? result.actual() : null, attestation.evidence(), evidence, clause.pathway());
		}
		String confirmation = confirmationText(match);
		evidence.add(confirmation);
		return new ClauseOutcome(clause.ref(), clause.citation(), clause.section(), clause.text(), Status.MET,
				prefix + confirmation, (result != null) ? result.actual() : "已确认", attestation.evidence(), evidence,
				clause.pathway());
	}

	/**
	 * A clause whose attestation is asked for only when its rule leaves the judgement to
	 * the reviewer ({@code when: UNDECIDED}): a met, unmet or unknown rule decides alone;
	 * a NEEDS_ATTESTATION rule waits for the reviewer's confirmation of the clause.
	 */
	private static ClauseOutcome undecidedOutcome(Clause clause, ClauseAttestation attestation, RuleResult result,
			EvaluationContext context, Confirmations attestations) {
		Rule rule = java.util.Objects.requireNonNull(clause.rule());
		if (result.status() != Status.NEEDS_ATTESTATION) {
			return new ClauseOutcome(clause.ref(), clause.citation(), clause.section(), clause.text(), result.status(),
					result.explanation(), result.actual(), result.required(), result.evidence(), clause.pathway(),
					(result.status() == Status.NOT_MET) ? failedKinds(rule, context.statusOnly()) : List.of());
		}
		return attested(clause, attestation, result, context, attestations);
	}

	/**
	 * The kinds of the leaf rules that are not met: every part of an {@code allOf} that
	 * is not met, every alternative of an {@code anyOf}, the wrapped rule of an
	 * {@code asOf: ISSUE_DATE} rule.
	 */
	private static List<String> failedKinds(Rule rule, EvaluationContext context) {
		List<String> kinds = new ArrayList<>();
		if (rule instanceof AllOfRule all) {
			for (Rule part : all.rules()) {
				if (evaluateRule(part, context).status() != Status.MET) {
					kinds.addAll(failedKinds(part, context));
				}
			}
		}
		else if (rule instanceof AnyOfRule any) {
			for (Rule part : any.rules()) {
				kinds.addAll(failedKinds(part, context));
			}
		}
		else if (rule instanceof IssueDateRule issueDate) {
			kinds.addAll(failedKinds(issueDate.rule(), context.atIssueDate()));
		}
		else {
			kinds.add(rule.kind());
		}
		return kinds.stream().distinct().toList();
	}

	private static RuleResult evaluateRule(Rule rule, EvaluationContext context) {
		try {
			return rule.evaluate(context);
		}
		catch (RuntimeException | StackOverflowError ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			return RuleResult.of(Status.ERROR, "评估出错：" + message, null, rule.summary());
		}
	}

	/**
	 * The subject's confirmations, looked up per clause: by the clause's own citation, or
	 * by the citation of an earlier edition's clause with the same text (carried over).
	 */
	private static final class Confirmations {

		private final CompiledSpec spec;

		private final List<Attestation> attestations;

		Confirmations(CompiledSpec spec, List<Attestation> attestations) {
			this.spec = spec;
			this.attestations = attestations;
		}

		record Match(Attestation attestation, @Nullable String carriedFrom) {
		}

		/**
		 * @return the review confirming the clause on the date, null when there is none
		 * (a hospital declaration does not count)
		 */
		@Nullable Match find(Clause clause, LocalDate date) {
			return find(clause, date, Attestation.Kind.REVIEW);
		}

		/**
		 * @return the hospital declaration for the clause on the date, null when none
		 */
		@Nullable Match findDeclaration(Clause clause, LocalDate date) {
			return find(clause, date, Attestation.Kind.SELF_DECLARATION);
		}

		private @Nullable Match find(Clause clause, LocalDate date, Attestation.Kind kind) {
			if (this.attestations.isEmpty()) {
				return null;
			}
			Attestation own = find(clause.citation(), date, kind);
			if (own != null) {
				return new Match(own, null);
			}
			for (String citation : this.spec.carriedOver(clause)) {
				Attestation carried = find(citation, date, kind);
				if (carried != null) {
					return new Match(carried, citation);
				}
			}
			return null;
		}

		private @Nullable Attestation find(String citation, LocalDate date, Attestation.Kind kind) {
			for (Attestation attestation : this.attestations) {
				if (attestation.kind() == kind && citation.equals(attestation.clause())
						&& (attestation.confirmedOn() == null || !attestation.confirmedOn().isAfter(date))) {
					return attestation;
				}
			}
			return null;
		}

		/**
		 * Confirmations of this technology that cite no clause of this edition and do not
		 * carry over to one: reported, since they count for nothing.
		 */
		List<String> strays(LocalDate date) {
			List<String> strays = new ArrayList<>();
			RequirementSpec spec = this.spec.spec();
			for (Attestation attestation : this.attestations) {
				String citation = attestation.clause();
				if (!citation.startsWith(spec.technology() + "/") || this.spec.cites(citation)
						|| this.spec.carriesOver(citation) || this.spec.citesLater(citation)
						|| (attestation.confirmedOn() != null && attestation.confirmedOn().isAfter(date))) {
					continue;
				}
				String why;
				if (this.spec.citesEarlier(citation)) {
					why = "；该条款在本版中条文已变更或不再保留，如仍适用请按本版条款重新确认";
				}
				else if (this.spec.knowsEditions() || citation.startsWith(spec.citationPrefix() + " ")) {
					why = "；已录入的各版本中均无此条款，请核对条款编号";
				}
				else {
					why = "；如仍适用请按本版条款重新确认";
				}
				strays.add("确认记录“" + citation + "”"
						+ ((attestation.confirmedBy() != null) ? "（" + attestation.confirmedBy()
								+ ((attestation.confirmedOn() != null) ? " " + attestation.confirmedOn() : "") + "）"
								: "")
						+ "不对应本版 " + spec.key() + " 的任何条款，未计入" + why);
			}
			return strays;
		}

	}

	/**
	 * Nested evaluations of one top-level call, memoised per person.
	 */
	private static final class Session implements StaffEvaluator {

		private static final int PHYSICIAN = 0;

		private static final int TRAINEE = 1;

		private final CompiledSpec spec;

		private @Nullable Map<PersonFacts, Status[]> memo;

		Session(CompiledSpec spec) {
			this.spec = spec;
		}

		@Override
		public Status physician(EvaluationContext context, PersonFacts person) {
			return memoised(context, person, PHYSICIAN, this.spec.clauses(Subject.PHYSICIAN), false);
		}

		@Override
		public Status staff(EvaluationContext context, PersonFacts person, StaffRole role) {
			return memoised(context, person, 2 + role.ordinal(), this.spec.staffClauses(role), false);
		}

		@Override
		public Status trainee(EvaluationContext context, PersonFacts person) {
			return memoised(context, person, TRAINEE, List.of(), true);
		}

		private Status memoised(EvaluationContext context, PersonFacts person, int slot, List<Clause> clauses,
				boolean trainee) {
			if (context.isIssueDate()) {
				return compute(context, person, clauses, trainee);
			}
			if (this.memo == null) {
				this.memo = new IdentityHashMap<>();
			}
			Status[] statuses = this.memo.computeIfAbsent(person, (key) -> new Status[2 + StaffRole.values().length]);
			Status status = statuses[slot];
			if (status == null) {
				status = compute(context, person, clauses, trainee);
				statuses[slot] = status;
			}
			return status;
		}

		private Status compute(EvaluationContext context, PersonFacts person, List<Clause> clauses, boolean trainee) {
			Confirmations attestations = new Confirmations(this.spec,
					(person.attestations() != null) ? person.attestations() : List.of());
			if (trainee) {
				return trainee(this.spec, person, context, attestations);
			}
			return allOf(clauses, context, attestations);
		}

		@Override
		public List<PathwayFinding> traineeFindings(EvaluationContext context, PersonFacts person) {
			Confirmations attestations = new Confirmations(this.spec,
					(person.attestations() != null) ? person.attestations() : List.of());
			List<PathwayFinding> findings = new ArrayList<>();
			PersonFacts.ExemptionGrant grant = this.spec.exemptionGrant(person, context.date());
			for (Map.Entry<Pathway, List<Clause>> pathway : this.spec.pathways().entrySet()) {
				if (pathway.getKey() == Pathway.EXEMPTION && grant != null) {
					findings.add(new PathwayFinding(pathway.getKey().label(), Status.MET, List.of(),
							this.spec.describe(grant)));
					continue;
				}
				List<Status> statuses = new ArrayList<>();
				List<String> unmet = new ArrayList<>();
				for (Clause clause : pathway.getValue()) {
					ClauseOutcome outcome = evaluateClause(clause, context, attestations);
					statuses.add(outcome.status());
					if (outcome.status() == Status.NOT_MET || outcome.status() == Status.UNKNOWN) {
						String why = (clause.rule() instanceof AllOfRule all)
								? all.evaluateUnmetParts(context).explanation() : outcome.explanation();
						unmet.add(clause.ref() + "：" + why);
					}
					else if (outcome.status() != Status.MET && outcome.status() != Status.NOT_APPLICABLE) {
						unmet.add(clause.ref() + "：" + outcome.explanation());
					}
				}
				findings.add(new PathwayFinding(pathway.getKey().label(), Status.allOf(statuses), unmet));
			}
			return findings;
		}

		/**
		 * The TRAINEE verdict, best pathway: the exemption pathway is met by a granted
		 * exemption the edition accepts ({@link CompiledSpec#exemptionGrant}), whatever
		 * the person's facts say on the evaluation day; otherwise each pathway is met
		 * when all its clauses are.
		 */
		static Status trainee(CompiledSpec spec, @Nullable PersonFacts person, EvaluationContext context,
				Confirmations attestations) {
			PersonFacts.ExemptionGrant grant = (person != null) ? spec.exemptionGrant(person, context.date()) : null;
			List<Status> pathways = new ArrayList<>();
			for (Map.Entry<Pathway, List<Clause>> pathway : spec.pathways().entrySet()) {
				pathways.add((pathway.getKey() == Pathway.EXEMPTION && grant != null) ? Status.MET
						: allOf(pathway.getValue(), context, attestations));
			}
			return Status.anyOf(pathways);
		}

		static Status allOf(List<Clause> clauses, EvaluationContext context, Confirmations attestations) {
			List<Status> statuses = new ArrayList<>(clauses.size());
			for (Clause clause : clauses) {
				statuses.add(clauseStatus(clause, context, attestations));
			}
			return Status.allOf(statuses);
		}

	}

}
