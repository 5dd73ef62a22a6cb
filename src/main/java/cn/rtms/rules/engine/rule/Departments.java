package cn.rtms.rules.engine.rule;

import java.util.List;

import cn.rtms.rules.engine.facts.InstitutionFacts.Department;

/**
 * Which departments a rule counts: by clinical subject (prefix of one of the department's
 * subjects, or of its name when it has none) and optionally by a word in its name (头颈 for
 * 头颈肿瘤外科, which has no subject of its own).
 */
final class Departments {

	private Departments() {
	}

	/**
	 * @param department the department
	 * @param subjectsAnyOf subject prefixes (empty: any)
	 * @param nameContainsAnyOf words one of which the name must contain (empty: any)
	 * @return whether it matches both
	 */
	static boolean matches(Department department, List<String> subjectsAnyOf, List<String> nameContainsAnyOf) {
		if (!nameContainsAnyOf.isEmpty() && !Texts.containsAny(department.name(), nameContainsAnyOf)) {
			return false;
		}
		if (subjectsAnyOf.isEmpty()) {
			return true;
		}
		List<String> subjects = department.subjects();
		if (subjects != null) {
			for (String subject : subjects) {
				if (Texts.startsWithAny(subject, subjectsAnyOf)) {
					return true;
				}
			}
			return false;
		}
		return Texts.startsWithAny(department.name(), subjectsAnyOf);
	}

	/**
	 * @param department the department
	 * @return its name for explanations
	 */
	static String name(Department department) {
		return (department.name() != null) ? department.name() : Texts.join(department.subjects());
	}

}
