package cn.rtms.rules.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.spec.Clause;
import cn.rtms.rules.engine.spec.CodedName;
import cn.rtms.rules.engine.spec.Pathway;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.Subject;

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

	CompiledSpec(RequirementSpec spec) {
		this.spec = spec;
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

}
