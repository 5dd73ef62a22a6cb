package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.CleanGrade;
import cn.rtms.rules.engine.facts.InstitutionFacts.OperatingRoom;
import cn.rtms.rules.engine.facts.InstitutionFacts;

/**
 * {@code operatingRoom}: at least {@code min} operating rooms of at least the given clean
 * grade.
 *
 * @param minCleanGrade the minimum clean grade (I best)
 * @param min number of rooms (default 1)
 */
public record OperatingRoomRule(CleanGrade minCleanGrade, int min) implements Rule {

	static OperatingRoomRule from(RuleParameters parameters) {
		Integer min = parameters.optionalCount("min");
		if (min != null && min == 0) {
			parameters.problem("min", "必须为正整数");
		}
		return new OperatingRoomRule(parameters.requiredEnum("minCleanGrade", CleanGrade.class),
				(min != null) ? min : 1);
	}

	@Override
	public String kind() {
		return "operatingRoom";
	}

	@Override
	public String summary() {
		return required();
	}

	private String required() {
		return this.minCleanGrade.label() + "及以上洁净手术室不少于 " + this.min + " 间";
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
		List<OperatingRoom> rooms = institution.operatingRooms();
		if (rooms == null) {
			return RuleResult.unknown("未记录手术室信息", required.get());
		}
		int count = 0;
		int ungraded = 0;
		List<String> evidence = new ArrayList<>();
		for (OperatingRoom room : rooms) {
			CleanGrade grade = room.cleanGrade();
			if (grade == null) {
				ungraded++;
			}
			else if (grade.isAtLeast(this.minCleanGrade)) {
				count++;
				if (!context.explains()) {
					continue;
				}
				evidence.add(((room.name() != null) ? room.name() : "手术间") + "（" + grade.label() + "）");
			}
		}
		Status status = (count >= this.min) ? Status.MET
				: (count + ungraded >= this.min) ? Status.UNKNOWN : Status.NOT_MET;
		if (!context.explains()) {
			return RuleResult.bare(status);
		}
		String actual = "符合等级的手术室 " + count + " 间";
		String explanation = actual + "（共 " + rooms.size() + " 间）"
				+ ((ungraded > 0) ? "，" + ungraded + " 间未记录洁净等级" : "") + "，要求" + required.get();
		return new RuleResult(status, explanation, count + " 间", required.get(), evidence);
	}

}
