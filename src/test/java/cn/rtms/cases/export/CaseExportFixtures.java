package cn.rtms.cases.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.cases.export.ExportedCase.Complication;
import cn.rtms.cases.export.ExportedCase.Device;
import cn.rtms.cases.export.ExportedCase.Flag;
import cn.rtms.cases.export.ExportedCase.Patient;
import cn.rtms.cases.export.ExportedCase.Performer;
import cn.rtms.cases.export.ExportedCase.ProcedureCode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exported cases for the writer tests: a flagged ablation with two procedure codes, a
 * complication, a death and three devices (GS1, MA, plain), and a plain robotic case
 * without operator or devices.
 */
final class CaseExportFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Instant GENERATED_AT = Instant.parse("2026-07-01T02:00:00Z");

	static final LocalDate FROM = LocalDate.parse("2026-01-01");

	static final LocalDate TO = LocalDate.parse("2026-06-30");

	static final ExportedInstitution INSTITUTION = new ExportedInstitution(
			UUID.fromString("11111111-2222-3333-4444-555555555555"), "长春市中心医院", "PDY00001222010211A1001", "220102",
			"吉林省长春市南关区");

	static final Performer OPERATOR = new Performer(UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001"),
			"110220104000031", "李建国");

	static final Performer ASSISTANT = new Performer(UUID.fromString("aaaaaaaa-0000-0000-0000-000000000002"), null,
			"赵敏");

	static ExportedCase ablation() {
		ObjectNode fields = JSON.createObjectNode();
		fields.put("ptaPercent", 78.5);
		fields.put("organFunctionImpaired", false);
		fields.put("childPugh", "A");
		fields.put("lesionsPlanned", 2);
		fields.put("preOpBiopsy", true);
		return new ExportedCase(UUID.fromString("cccccccc-0000-0000-0000-000000000001"), "G08", "肿瘤消融治疗技术", "G08-2023",
				"RFA", "PERCUTANEOUS",
				List.of(new ProcedureCode("50.2400x001", "经皮肝病损射频消融术", true),
						new ProcedureCode("17.4100", "机器人辅助手术", null)),
				LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-10"), "肿瘤介入科",
				OPERATOR, List.of(ASSISTANT), new Patient("P0123456789ab", "M", 1958, 67), true,
				List.of(new Complication("术后出血", LocalDate.parse("2026-03-04"), "II", "MAJOR_BLEEDING", "大量出血", true),
						new Complication("低热", LocalDate.parse("2026-03-05"), "I", null, null, null)),
				LocalDate.parse("2026-03-10"), "DEATH",
				List.of(new Device(1, "]d2010950600013435217260200" + "\u001D" + "10ABC123" + "\u001D" + "21S0001",
						"GS1", "09506000134352", "ABC123", "S0001", LocalDate.parse("2026-02-28"), null,
						"国械注准20213010001", "射频消融电极", true, 1),
						new Device(2, "MA.156.M0.100043.1001", "MA", null, null, null, null, null, null, "穿刺针", true,
								2),
						new Device(3, "ZX-55-01", "PLAIN", null, null, null, null, null, null, null, false, 1)),
				fields,
				List.of(new Flag("UNAUTHORIZED", "术者李建国在手术日无该技术的有效授权"),
						new Flag("DEVICE_EXPIRED", "器械 1 已于 2026-02-28 过期")),
				1, Instant.parse("2026-03-11T01:00:00Z"), "FORM");
	}

	static ExportedCase robotic() {
		return new ExportedCase(UUID.fromString("cccccccc-0000-0000-0000-000000000002"), "S05", null, "S05-2022", null,
				null, List.of(), null, LocalDate.parse("2026-04-02"), null, null, null, List.of(),
				new Patient("P0fedcba98765", null, null, null), null, List.of(), null, null, List.of(),
				JSON.createObjectNode(), List.of(), 0, Instant.parse("2026-04-03T01:00:00Z"), "IMPORT");
	}

	private CaseExportFixtures() {
	}

}
