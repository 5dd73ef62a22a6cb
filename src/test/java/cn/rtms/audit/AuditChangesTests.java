package cn.rtms.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChangesTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void listsOnlyChangedFieldsWithLabelsAndReadableValues() {
		List<AuditView.Change> changes = AuditChanges.of(JSON, """
				{"version":3,"institutionId":"6a1f1f7e-59c4-4b8e-9d7e-0a9a5b0f2c11","state":"SELF_ASSESSED",
				 "technology":"G08","actionDueOn":null,"practiceLicence":{"number":"A1","valid":true}}
				""", """
				{"version":4,"institutionId":"6a1f1f7e-59c4-4b8e-9d7e-0a9a5b0f2c11","state":"SUBMITTED",
				 "technology":"G08","actionDueOn":"2026-12-14","practiceLicence":{"number":"A1","valid":false}}
				""");
		assertThat(changes).containsExactly(new AuditView.Change("状态", "已自评", "已提交"),
				new AuditView.Change("办理期限", "—", "2026-12-14"), new AuditView.Change("执业许可证 · valid", "是", "否"));
	}

	@Test
	void usesSiblingLabelsAndRoleLabelsAndNeverShowsIdsOrCodes() {
		List<AuditView.Change> changes = AuditChanges.of(JSON, null, """
				{"level":"TERTIARY_A","levelLabel":"三级甲等","role":"CITY_AUTHORITY","kind":"SOME_CODE",
				 "owner":"0d8e2b4c-1f3a-4c5e-8a9b-7c6d5e4f3a2b","roles":["PHYSICIAN","NURSE"],"rows":12}
				""");
		assertThat(changes).contains(new AuditView.Change("级别", null, "三级甲等"),
				new AuditView.Change("角色", null, "市（州）级卫生健康行政部门"), new AuditView.Change("行数", null, "12"));
		assertThat(changes.toString()).doesNotContainPattern("[A-Z][A-Z0-9]*_[A-Z0-9_]+")
			.doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}");
	}

	@Test
	void showsARandomDrawSoThatItCanBeRechecked() {
		List<AuditView.Change> changes = AuditChanges.of(JSON, null, """
				{"technologyCode":"G08","institution":"长春市中心医院","count":1,"seed":"3fa85f6457b2a1c0",
				 "algorithm":"SHA-256","candidates":[{"id":"0d8e2b4c-1f3a-4c5e-8a9b-7c6d5e4f3a2b","name":"评审专家一"},
				 {"id":"1d8e2b4c-1f3a-4c5e-8a9b-7c6d5e4f3a2b","name":"评审专家二"}],
				 "drawn":[{"id":"1d8e2b4c-1f3a-4c5e-8a9b-7c6d5e4f3a2b","name":"评审专家二"}]}
				""");
		assertThat(changes).contains(new AuditView.Change("技术", null, "G08"),
				new AuditView.Change("医疗机构", null, "长春市中心医院"), new AuditView.Change("随机种子", null, "3fa85f6457b2a1c0"),
				new AuditView.Change("候选专家", null, "评审专家一、评审专家二"), new AuditView.Change("抽中专家", null, "评审专家二"));
		assertThat(changes.toString()).doesNotContain("technologyCode", "candidates", "共 2 项");
	}

	@Test
	void toleratesMissingOrBrokenJson() {
		assertThat(AuditChanges.of(JSON, null, null)).isEmpty();
		assertThat(AuditChanges.of(JSON, "not json", "{\"name\":\"x\"}"))
			.containsExactly(new AuditView.Change("名称", null, "x"));
	}

}
