package cn.rtms.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import org.jspecify.annotations.Nullable;

/**
 * A change to an institution's saved facts that is evaluated but never saved (what-if
 * scenarios, docs/what-if.md): a person leaves the staff, or units of one kind of
 * equipment go out of service. {@link #none()} changes nothing (an edition comparison).
 *
 * @param personLeaves the person who leaves the institution's staff, or null
 * @param equipmentKind the equipment code as the institution's facts name it (e.g. DSA),
 * or null
 * @param equipmentUnits how many units of that kind go out of service (at least 1)
 */
public record FactsChange(@Nullable UUID personLeaves, @Nullable String equipmentKind, int equipmentUnits) {

	/**
	 * @return no change
	 */
	public static FactsChange none() {
		return new FactsChange(null, null, 0);
	}

	/**
	 * @param personId the person leaving
	 * @return the change
	 */
	public static FactsChange personLeaves(UUID personId) {
		return new FactsChange(personId, null, 0);
	}

	/**
	 * @param kind equipment code
	 * @param units units out of service
	 * @return the change
	 */
	public static FactsChange equipmentOutOfService(String kind, int units) {
		return new FactsChange(null, kind, units);
	}

	/**
	 * Applies the change to an institution's facts.
	 * @param facts the facts as saved
	 * @return the facts after the change
	 * @throws InvalidEvaluationRequest when the equipment is not recorded for the
	 * institution
	 */
	InstitutionFacts apply(InstitutionFacts facts) {
		List<PersonFacts> staff = facts.staff();
		if (this.personLeaves != null && staff != null) {
			String id = this.personLeaves.toString();
			staff = staff.stream().filter(p -> !id.equals(p.id())).toList();
		}
		List<InstitutionFacts.Equipment> equipment = facts.equipment();
		if (this.equipmentKind != null) {
			if (equipment == null || equipment.stream().noneMatch(e -> this.equipmentKind.equals(e.kind()))) {
				throw new InvalidEvaluationRequest("equipmentCode", "该医疗机构未登记设备“" + this.equipmentKind + "”，无法模拟其停用");
			}
			int remaining = Math.max(1, this.equipmentUnits);
			List<InstitutionFacts.Equipment> changed = new ArrayList<>();
			for (InstitutionFacts.Equipment e : equipment) {
				if (!this.equipmentKind.equals(e.kind()) || remaining == 0) {
					changed.add(e);
					continue;
				}
				int count = e.count() == null ? 1 : e.count();
				int removed = Math.min(count, remaining);
				remaining -= removed;
				if (count - removed > 0) {
					changed.add(new InstitutionFacts.Equipment(e.kind(), count - removed, e.model(), e.register()));
				}
			}
			equipment = List.copyOf(changed);
		}
		return new InstitutionFacts(facts.id(), facts.name(), facts.regionCode(), facts.level(), facts.type(),
				facts.specialty(), facts.registeredSubjects(), facts.departments(), facts.facilities(), equipment,
				facts.operatingRooms(), facts.licences(), facts.firstCases(), facts.subTechniques(),
				facts.caseVolumes(), facts.attestations(), staff);
	}

}
