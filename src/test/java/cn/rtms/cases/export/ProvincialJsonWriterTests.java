package cn.rtms.cases.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static cn.rtms.cases.export.CaseExportFixtures.FROM;
import static cn.rtms.cases.export.CaseExportFixtures.GENERATED_AT;
import static cn.rtms.cases.export.CaseExportFixtures.INSTITUTION;
import static cn.rtms.cases.export.CaseExportFixtures.JSON;
import static cn.rtms.cases.export.CaseExportFixtures.TO;
import static org.assertj.core.api.Assertions.assertThat;

class ProvincialJsonWriterTests {

	private static String export(ExportedCase... cases) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ProvincialJsonWriter writer = new ProvincialJsonWriter(out, INSTITUTION, FROM, TO, GENERATED_AT);
		for (ExportedCase c : cases) {
			writer.add(c);
		}
		writer.finish();
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void writesADocumentTheSchemaAccepts() throws IOException {
		JsonNode document = JSON.readTree(export(CaseExportFixtures.ablation(), CaseExportFixtures.robotic()));
		assertThat(CaseExportSchema.errors(document)).isEmpty();
		assertThat(document.get("caseCount").asInt()).isEqualTo(2);
		assertThat(document.at("/period/from").asString()).isEqualTo("2026-01-01");
		assertThat(document.at("/institution/licenceNumber").asString()).isEqualTo("PDY00001222010211A1001");
		JsonNode first = document.at("/cases/0");
		assertThat(first.at("/operator/licenceNumber").asString()).isEqualTo("110220104000031");
		assertThat(first.at("/assistants/0/name").asString()).isEqualTo("赵敏");
		assertThat(first.at("/assistants/0/licenceNumber").isNull()).isTrue();
		assertThat(first.at("/patient/pseudonym").asString()).isEqualTo("P0123456789ab");
		assertThat(first.at("/patient/birthYear").asInt()).isEqualTo(1958);
		assertThat(first.at("/procedureCodes/1/code").asString()).isEqualTo("17.4100");
		assertThat(first.at("/devices/0/gtin").asString()).isEqualTo("09506000134352");
		assertThat(first.at("/devices/0/scanned").asString()).contains("\u001D");
		assertThat(first.at("/fields/ptaPercent").asDouble()).isEqualTo(78.5);
		assertThat(first.at("/complications/0/type").asString()).isEqualTo("MAJOR_BLEEDING");
		assertThat(first.at("/complications/0/typeName").asString()).isEqualTo("大量出血");
		assertThat(first.at("/complications/0/serious").asBoolean()).isTrue();
		// a complication entered before type and seriousness existed: both null, still
		// valid
		assertThat(first.at("/complications/1/type").isNull()).isTrue();
		assertThat(first.at("/complications/1/serious").isNull()).isTrue();
		assertThat(document.at("/schemaVersion").asString()).isEqualTo("1.1");
		assertThat(first.at("/flags/0/code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(first.at("/amendmentCount").asInt()).isEqualTo(1);
		assertThat(document.at("/cases/1/operator").isNull()).isTrue();
	}

	@Test
	void writesAnEmptyPeriodAsAValidDocument() throws IOException {
		JsonNode document = JSON.readTree(export());
		assertThat(CaseExportSchema.errors(document)).isEmpty();
		assertThat(document.get("cases").size()).isZero();
		assertThat(document.get("caseCount").asInt()).isZero();
	}

	@Test
	void schemaRefusesPatientIdentifiersAndUnknownCodes() throws IOException {
		ObjectNode document = (ObjectNode) JSON.readTree(export(CaseExportFixtures.ablation()));
		ObjectNode patient = (ObjectNode) document.at("/cases/0/patient");
		patient.put("name", "张三");
		((ObjectNode) document.at("/cases/0")).put("dischargeStatus", "HOME");
		((ObjectNode) document.at("/cases/0/devices/0")).put("gtin", "123");
		((ObjectNode) document.at("/cases/0/complications/0")).put("serious", "是");
		assertThat(CaseExportSchema.errors(document)).hasSize(4)
			.anySatisfy(e -> assertThat(e).startsWith("/cases/0/complications/0/serious"))
			.anySatisfy(e -> assertThat(e).startsWith("/cases/0/patient"))
			.anySatisfy(e -> assertThat(e).startsWith("/cases/0/dischargeStatus"))
			.anySatisfy(e -> assertThat(e).startsWith("/cases/0/devices/0/gtin"));
	}

}
