package cn.rtms.cases.discharge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the 术者 of a discharge abstract to a person of the institution: a 15-digit
 * 医师执业证书编码 by the licence number, anything else by the name (spaces and full-width forms
 * ignored). The people of the institution are those on its staff list and, after them,
 * those whose licence is registered there but who are on another staff list or none (a
 * surgeon who has since left): a name is looked up among the staff first, and among the
 * others only when no one on the staff has it. Exactly one match resolves; a blank cell,
 * no match or several people of the same name stay unresolved, each as its own status.
 * The personnel records keep no history of staff lists, so the people are those of the
 * moment the directory is built, not of the operation day.
 */
final class OperatorDirectory {

	private static final Pattern LICENCE = Pattern.compile("\\d{15}");

	private final Map<String, List<UUID>> byName = new HashMap<>();

	private final Map<String, List<UUID>> byNameRegistered = new HashMap<>();

	private final Map<String, UUID> byLicence = new HashMap<>();

	/**
	 * @param staff the people on the institution's staff list
	 * @param registered the people whose licence is registered at the institution (those
	 * also on the staff list are skipped)
	 */
	OperatorDirectory(List<PersonDetails> staff, List<PersonDetails> registered) {
		Set<UUID> onStaff = new HashSet<>();
		for (PersonDetails person : staff) {
			UUID id = person.id();
			if (id != null) {
				onStaff.add(id);
				add(person, id, this.byName);
			}
		}
		for (PersonDetails person : registered) {
			UUID id = person.id();
			if (id != null && !onStaff.contains(id)) {
				add(person, id, this.byNameRegistered);
			}
		}
	}

	/**
	 * @param personnel the personnel module
	 * @param institutionId an institution
	 * @return the directory of its people as they are now
	 */
	static OperatorDirectory of(PersonnelManagement personnel, UUID institutionId) {
		return new OperatorDirectory(personnel.atInstitution(institutionId), personnel.registeredAt(institutionId));
	}

	private void add(PersonDetails person, UUID id, Map<String, List<UUID>> names) {
		names.computeIfAbsent(key(person.name()), k -> new ArrayList<>()).add(id);
		if (person.licence() != null) {
			this.byLicence.putIfAbsent(person.licence().number(), id);
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
		if (ids.isEmpty()) {
			ids = this.byNameRegistered.getOrDefault(key, List.of());
		}
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
		/**
		 * Nobody of the institution (staff, or licence registered there) has that name or
		 * licence number.
		 */
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
