package cn.rtms.cases.discharge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.personnel.PersonDetails;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the 术者 of a discharge abstract to a person of the institution: a 15-digit
 * 医师执业证书编码 by the licence number, anything else by the name (spaces and full-width forms
 * ignored). Exactly one match resolves; a blank cell, no match or several people of the
 * same name stay unresolved, each as its own status.
 */
final class OperatorDirectory {

	private static final Pattern LICENCE = Pattern.compile("\\d{15}");

	private final Map<String, List<UUID>> byName = new HashMap<>();

	private final Map<String, UUID> byLicence = new HashMap<>();

	OperatorDirectory(List<PersonDetails> people) {
		for (PersonDetails person : people) {
			UUID id = person.id();
			if (id == null) {
				continue;
			}
			this.byName.computeIfAbsent(key(person.name()), k -> new ArrayList<>()).add(id);
			if (person.licence() != null) {
				this.byLicence.put(person.licence().number(), id);
			}
		}
	}

	Resolution resolve(@Nullable String operator) {
		if (operator == null || operator.isBlank()) {
			return new Resolution(Status.MISSING, null);
		}
		String key = key(operator);
		if (LICENCE.matcher(key).matches()) {
			UUID id = this.byLicence.get(key);
			return id == null ? new Resolution(Status.UNKNOWN, null) : new Resolution(Status.RESOLVED, id);
		}
		List<UUID> ids = this.byName.getOrDefault(key, List.of());
		return switch (ids.size()) {
			case 0 -> new Resolution(Status.UNKNOWN, null);
			case 1 -> new Resolution(Status.RESOLVED, ids.get(0));
			default -> new Resolution(Status.AMBIGUOUS, null);
		};
	}

	private static String key(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]", "");
	}

	/** How a 术者 was resolved. */
	enum Status {

		/** One person of the institution. */
		RESOLVED,
		/** The cell is blank. */
		MISSING,
		/** Nobody of the institution has that name or licence number. */
		UNKNOWN,
		/** Several people of the institution have that name. */
		AMBIGUOUS

	}

	/**
	 * @param status how it was resolved
	 * @param personId the person when resolved
	 */
	record Resolution(Status status, @Nullable UUID personId) {
	}

}
