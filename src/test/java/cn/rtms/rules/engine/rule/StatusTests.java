package cn.rtms.rules.engine.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class StatusTests {

	@Test
	void allOfPrecedence() {
		assertThat(Status.allOf(List.of(Status.MET, Status.NEEDS_ATTESTATION))).isEqualTo(Status.NEEDS_ATTESTATION);
		assertThat(Status.allOf(List.of(Status.UNKNOWN, Status.NEEDS_ATTESTATION))).isEqualTo(Status.UNKNOWN);
		assertThat(Status.allOf(List.of(Status.UNKNOWN, Status.NOT_MET))).isEqualTo(Status.NOT_MET);
		assertThat(Status.allOf(List.of(Status.ERROR, Status.NOT_MET))).isEqualTo(Status.ERROR);
		assertThat(Status.allOf(List.of(Status.NOT_APPLICABLE, Status.MET))).isEqualTo(Status.MET);
		assertThat(Status.allOf(List.of())).isEqualTo(Status.NOT_APPLICABLE);
	}

	@Test
	void anyOfPrecedence() {
		assertThat(Status.anyOf(List.of(Status.NOT_MET, Status.MET))).isEqualTo(Status.MET);
		assertThat(Status.anyOf(List.of(Status.NEEDS_ATTESTATION, Status.UNKNOWN))).isEqualTo(Status.UNKNOWN);
		assertThat(Status.anyOf(List.of(Status.NEEDS_ATTESTATION, Status.NOT_MET))).isEqualTo(Status.NEEDS_ATTESTATION);
		assertThat(Status.anyOf(List.of(Status.ERROR, Status.UNKNOWN))).isEqualTo(Status.ERROR);
	}

	@Test
	void chineseLabels() {
		assertThat(List.of(Status.values()).stream().map(Status::label)).containsExactly("符合", "不符合", "信息不全", "待确认",
				"不适用", "评估出错");
	}

}
