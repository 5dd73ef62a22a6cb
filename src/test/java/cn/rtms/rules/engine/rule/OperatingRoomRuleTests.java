package cn.rtms.rules.engine.rule;

import cn.rtms.rules.engine.facts.CleanGrade;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class OperatingRoomRuleTests {

	private final OperatingRoomRule rule = new OperatingRoomRule(CleanGrade.III, 1);

	@Test
	void metWithTheGradeOrBetter() {
		assertThat(evaluate(this.rule, institution("operatingRooms: [{name: 3号手术间, cleanGrade: III}]")).status())
			.isEqualTo(Status.MET);
		assertThat(evaluate(this.rule, institution("operatingRooms: [{name: 1号, cleanGrade: I}]")).status())
			.isEqualTo(Status.MET);
	}

	@Test
	void notMetWithWorseGrade() {
		assertThat(evaluate(this.rule, institution("operatingRooms: [{name: 4号, cleanGrade: IV}]")).status())
			.isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWhenGradeOrRoomsNotRecorded() {
		assertThat(evaluate(this.rule, institution("operatingRooms: [{name: 4号}]")).status()).isEqualTo(Status.UNKNOWN);
		assertThat(evaluate(this.rule, anyInstitution()).status()).isEqualTo(Status.UNKNOWN);
	}

}
