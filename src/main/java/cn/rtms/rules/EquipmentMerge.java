package cn.rtms.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.rule.Labels;
import org.jspecify.annotations.Nullable;

/**
 * The institution's equipment facts with the equipment register applied (ADR 0031): a
 * kind the register holds counts its usable units only, with a note naming those not
 * counted and why; a declared kind the register does not hold keeps its declared count,
 * with a note saying so. An institution without a register keeps its declared equipment
 * unchanged.
 */
final class EquipmentMerge {

	private EquipmentMerge() {
	}

	static @Nullable List<InstitutionFacts.Equipment> merge(@Nullable List<InstitutionFacts.Equipment> declared,
			List<EquipmentRegisterSource.Unit> units) {
		if (units.isEmpty()) {
			return declared;
		}
		Map<String, List<EquipmentRegisterSource.Unit>> byKind = new LinkedHashMap<>();
		units.forEach(u -> byKind.computeIfAbsent(u.kind(), k -> new ArrayList<>()).add(u));
		List<InstitutionFacts.Equipment> merged = new ArrayList<>();
		for (InstitutionFacts.Equipment e : (declared == null) ? List.<InstitutionFacts.Equipment>of() : declared) {
			if (!byKind.containsKey(e.kind())) {
				merged.add(new InstitutionFacts.Equipment(e.kind(), e.count(), e.model(),
						Labels.equipment(e.kind()) + "：设备登记中无此类设备，按机构填报的数量计"));
			}
		}
		byKind.forEach((kind, list) -> {
			List<EquipmentRegisterSource.Unit> usable = list.stream()
				.filter(EquipmentRegisterSource.Unit::usable)
				.toList();
			List<String> skipped = list.stream()
				.filter(u -> !u.usable())
				.map(u -> u.name() + "（" + u.notCounted() + "）")
				.toList();
			String note = Labels.equipment(kind) + "：按设备登记计在用且无逾期 " + usable.size() + " 台"
					+ (skipped.isEmpty() ? "" : "，未计入 " + skipped.size() + " 台：" + String.join("、", skipped));
			String model = usable.isEmpty() ? null : usable.get(0).model();
			merged.add(new InstitutionFacts.Equipment(kind, usable.size(), model, note));
		});
		return List.copyOf(merged);
	}

	static InstitutionFacts apply(InstitutionFacts facts, List<EquipmentRegisterSource.Unit> units) {
		if (units.isEmpty()) {
			return facts;
		}
		return new InstitutionFacts(facts.id(), facts.name(), facts.regionCode(), facts.level(), facts.type(),
				facts.specialty(), facts.registeredSubjects(), facts.departments(), facts.facilities(),
				merge(facts.equipment(), units), facts.operatingRooms(), facts.licences(), facts.firstCases(),
				facts.subTechniques(), facts.caseVolumes(), facts.attestations(), facts.staff());
	}

}
