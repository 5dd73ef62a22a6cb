package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts.Equipment;
import cn.rtms.rules.engine.facts.InstitutionFacts;

/**
 * {@code equipment}: every kind in {@code allOf} and at least one kind in {@code anyOf}
 * is present with at least {@code min} units. Equipment without a count counts as one
 * unit.
 *
 * @param anyOf alternatives (empty: none required)
 * @param allOf all required (empty: none required)
 * @param min units per kind (default 1)
 */
public record EquipmentRule(List<String> anyOf, List<String> allOf, int min) implements Rule {

	/**
	 * Copies the lists.
	 */
	public EquipmentRule {
		anyOf = List.copyOf(anyOf);
		allOf = List.copyOf(allOf);
	}

	static EquipmentRule from(RuleParameters parameters) {
		List<String> anyOf = parameters.strings("anyOf");
		List<String> allOf = parameters.strings("allOf");
		if (anyOf.isEmpty() && allOf.isEmpty()) {
			parameters.problem("", "equipment 规则须给出 anyOf 或 allOf");
		}
		Integer min = parameters.optionalCount("min");
		if (min != null && min == 0) {
			parameters.problem("min", "必须为正整数");
		}
		return new EquipmentRule(anyOf, allOf, (min != null) ? min : 1);
	}

	@Override
	public String kind() {
		return "equipment";
	}

	@Override
	public String summary() {
		return "有" + required();
	}

	private String required() {
		List<String> parts = new ArrayList<>();
		if (!this.allOf.isEmpty()) {
			parts.add(names(this.allOf, "、"));
		}
		if (!this.anyOf.isEmpty()) {
			parts.add(names(this.anyOf, "或") + ((this.anyOf.size() > 1) ? "（其一）" : ""));
		}
		return String.join("，以及", parts) + ((this.min > 1) ? "（每种不少于 " + this.min + " 台）" : "");
	}

	private static String names(List<String> codes, String separator) {
		List<String> names = new ArrayList<>(codes.size());
		for (String code : codes) {
			names.add(Labels.equipment(code));
		}
		return String.join(separator, names);
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = this::required;
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		List<Equipment> equipment = institution.equipment();
		if (equipment == null) {
			return RuleResult.unknown("未记录设备信息", required.get());
		}
		if (!context.explains()) {
			return RuleResult.bare(met(equipment) ? Status.MET : Status.NOT_MET);
		}
		List<String> present = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String kind : this.allOf) {
			int units = units(equipment, kind);
			if (units >= this.min) {
				present.add(Labels.equipment(kind) + " " + units + " 台");
			}
			else {
				missing.add(Labels.equipment(kind));
			}
		}
		boolean anyFound = this.anyOf.isEmpty();
		for (String kind : this.anyOf) {
			int units = units(equipment, kind);
			if (units >= this.min) {
				present.add(Labels.equipment(kind) + " " + units + " 台");
				anyFound = true;
			}
		}
		if (!anyFound) {
			missing.add(names(this.anyOf, "或"));
		}
		String actual = present.isEmpty() ? "无相关设备" : String.join("、", present);
		String explanation = "有" + actual + (missing.isEmpty() ? "" : "；缺少" + String.join("、", missing)) + "，要求有"
				+ required.get();
		return new RuleResult(missing.isEmpty() ? Status.MET : Status.NOT_MET,
				(present.isEmpty() ? "无相关设备，要求有" + required.get() : explanation) + registerNotes(equipment), actual,
				required.get(), present);
	}

	/**
	 * What the equipment register says of the kinds this rule names (ADR 0031): which
	 * units were not counted and why, or that a kind's count is the declared one.
	 */
	private String registerNotes(List<Equipment> equipment) {
		List<String> notes = new ArrayList<>();
		List<String> kinds = new ArrayList<>(this.allOf);
		kinds.addAll(this.anyOf);
		for (String kind : kinds) {
			for (Equipment item : equipment) {
				if (kind.equals(item.kind()) && item.register() != null && !notes.contains(item.register())) {
					notes.add(item.register());
				}
			}
		}
		return notes.isEmpty() ? "" : "。" + String.join("；", notes);
	}

	private boolean met(List<Equipment> equipment) {
		for (String kind : this.allOf) {
			if (units(equipment, kind) < this.min) {
				return false;
			}
		}
		if (this.anyOf.isEmpty()) {
			return true;
		}
		for (String kind : this.anyOf) {
			if (units(equipment, kind) >= this.min) {
				return true;
			}
		}
		return false;
	}

	private static int units(List<Equipment> equipment, String kind) {
		int units = 0;
		for (Equipment item : equipment) {
			if (kind.equals(item.kind())) {
				Integer count = item.count();
				units += (count != null) ? count : 1;
			}
		}
		return units;
	}

}
