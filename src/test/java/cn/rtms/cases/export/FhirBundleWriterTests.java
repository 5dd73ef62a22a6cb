package cn.rtms.cases.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static cn.rtms.cases.export.CaseExportFixtures.FROM;
import static cn.rtms.cases.export.CaseExportFixtures.GENERATED_AT;
import static cn.rtms.cases.export.CaseExportFixtures.INSTITUTION;
import static cn.rtms.cases.export.CaseExportFixtures.JSON;
import static cn.rtms.cases.export.CaseExportFixtures.TO;
import static org.assertj.core.api.Assertions.assertThat;

class FhirBundleWriterTests {

	static String bundle(ExportedCase... cases) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		FhirBundleWriter writer = new FhirBundleWriter(out, INSTITUTION, FROM, TO, GENERATED_AT);
		for (ExportedCase c : cases) {
			writer.add(c);
		}
		writer.finish();
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * @return every reference in the bundle that does not name an entry's full URL
	 */
	static List<String> danglingReferences(JsonNode bundle) {
		Set<String> urls = new HashSet<>();
		bundle.get("entry").forEach(e -> urls.add(e.get("fullUrl").asString()));
		return bundle.findValues("reference").stream().map(JsonNode::asString).filter(r -> !urls.contains(r)).toList();
	}

	static List<JsonNode> resources(JsonNode bundle, String type) {
		return bundle.get("entry")
			.valueStream()
			.map(e -> e.get("resource"))
			.filter(r -> type.equals(r.get("resourceType").asString()))
			.toList();
	}

	@Test
	void writesABundleTheHapiValidatorAccepts() throws IOException {
		String bundle = bundle(CaseExportFixtures.ablation(), CaseExportFixtures.robotic());
		assertThat(FhirValidation.errors(bundle)).isEmpty();
	}

	@Test
	void writesAnEmptyPeriodAsAValidBundle() throws IOException {
		String bundle = bundle();
		assertThat(FhirValidation.errors(bundle)).isEmpty();
		assertThat(resources(JSON.readTree(bundle), "Organization")).hasSize(1);
	}

	@Test
	void referencesResolveInsideTheBundle() throws IOException {
		JsonNode bundle = JSON.readTree(bundle(CaseExportFixtures.ablation(), CaseExportFixtures.robotic()));
		assertThat(bundle.get("type").asString()).isEqualTo("collection");
		assertThat(bundle.findValues("reference")).hasSizeGreaterThan(10);
		assertThat(danglingReferences(bundle)).isEmpty();
		assertThat(resources(bundle, "Patient")).hasSize(2);
		assertThat(resources(bundle, "Practitioner")).hasSize(2);
		assertThat(resources(bundle, "Device")).hasSize(3);
		assertThat(resources(bundle, "Procedure")).hasSize(3);
	}

	@Test
	void mapsTheCaseToProcedurePractitionerPatientAndDevice() throws IOException {
		JsonNode bundle = JSON.readTree(bundle(CaseExportFixtures.ablation()));
		JsonNode procedure = resources(bundle, "Procedure").get(0);
		assertThat(procedure.get("status").asString()).isEqualTo("completed");
		assertThat(procedure.at("/code/coding/0/system").asString()).isEqualTo(FhirBundleWriter.ICD9CM3_CN);
		assertThat(procedure.at("/code/coding/0/code").asString()).isEqualTo("50.2400x001");
		assertThat(procedure.at("/performedDateTime").asString()).isEqualTo("2026-03-03");
		assertThat(procedure.at("/performer/0/function/coding/0/code").asString()).isEqualTo("OPERATOR");
		assertThat(procedure.at("/performer/1/function/coding/0/code").asString()).isEqualTo("ASSISTANT");
		assertThat(procedure.at("/outcome/coding/0/code").asString()).isEqualTo("DEATH");
		assertThat(procedure.at("/complication/0/text").asString()).contains("术后出血", "Clavien-Dindo II", "类型 大量出血",
				"严重并发症");
		assertThat(procedure.at("/complication/0/coding/0/system").asString())
			.isEqualTo(FhirBundleWriter.COMPLICATION_TYPE);
		assertThat(procedure.at("/complication/0/coding/0/code").asString()).isEqualTo("MAJOR_BLEEDING");
		assertThat(procedure.at("/complication/0/coding/0/display").asString()).isEqualTo("大量出血");
		assertThat(procedure.at("/complication/1/coding").isMissingNode()).isTrue();
		assertThat(procedure.at("/note/0/text").asString()).contains("UNAUTHORIZED");
		assertThat(procedure.get("usedReference")).hasSize(3);
		JsonNode secondary = resources(bundle, "Procedure").get(1);
		assertThat(secondary.at("/code/coding/0/code").asString()).isEqualTo("17.4100");
		assertThat(secondary.at("/partOf/0/reference").asString())
			.isEqualTo("urn:uuid:" + procedure.get("id").asString());

		JsonNode practitioner = resources(bundle, "Practitioner").get(0);
		assertThat(practitioner.at("/identifier/0/system").asString()).isEqualTo(FhirBundleWriter.PHYSICIAN_LICENCE);
		assertThat(practitioner.at("/identifier/0/value").asString()).isEqualTo("110220104000031");

		JsonNode patient = resources(bundle, "Patient").get(0);
		assertThat(patient.at("/identifier/0/value").asString()).isEqualTo("P0123456789ab");
		assertThat(patient.get("birthDate").asString()).isEqualTo("1958");
		assertThat(patient.get("gender").asString()).isEqualTo("male");
		assertThat(patient.get("deceasedDateTime").asString()).isEqualTo("2026-03-10");
		assertThat(patient.has("name")).isFalse();

		JsonNode gs1 = resources(bundle, "Device").get(0);
		assertThat(gs1.at("/udiCarrier/0/deviceIdentifier").asString()).isEqualTo("09506000134352");
		assertThat(gs1.at("/udiCarrier/0/carrierHRF").asString())
			.isEqualTo("(01)09506000134352(17)260228(10)ABC123(21)S0001");
		assertThat(gs1.get("lotNumber").asString()).isEqualTo("ABC123");
		assertThat(gs1.get("serialNumber").asString()).isEqualTo("S0001");
		assertThat(gs1.get("expirationDate").asString()).isEqualTo("2026-02-28");
		assertThat(gs1.at("/note/0/text").asString()).contains("国械注准20213010001");
		assertThat(resources(bundle, "Device").get(1).at("/udiCarrier/0/issuer").asString())
			.isEqualTo(FhirBundleWriter.MA_ISSUER);
		assertThat(resources(bundle, "Device").get(2).has("udiCarrier")).isFalse();
	}

	@Test
	void keepsTheCasesTechnologyOutcomeComplicationsAndFlagsOffItsSecondaryProcedure() throws IOException {
		String written = bundle(CaseExportFixtures.ablation());
		assertThat(FhirValidation.errors(written)).isEmpty();
		JsonNode bundle = JSON.readTree(written);
		List<JsonNode> procedures = resources(bundle, "Procedure");
		assertThat(procedures).hasSize(2);
		JsonNode main = procedures.get(0);
		JsonNode secondary = procedures.get(1);
		assertThat(secondary.at("/partOf/0/reference").asString()).isEqualTo("urn:uuid:" + main.get("id").asString());
		assertThat(secondary.propertyNames()).containsExactly("resourceType", "id", "partOf", "status", "code",
				"subject", "performedDateTime", "performer");
		assertThat(secondary.at("/code/coding/0/code").asString()).isEqualTo("17.4100");
		assertThat(secondary.at("/code/text").asString()).isEqualTo("机器人辅助手术");
		assertThat(secondary.get("subject")).isEqualTo(main.get("subject"));
		assertThat(secondary.get("performedDateTime")).isEqualTo(main.get("performedDateTime"));
		assertThat(secondary.get("performer")).isEqualTo(main.get("performer"));
		assertThat(bundle.findValues("complication")).as("the case's complications, once").hasSize(1);
		assertThat(bundle.findValues("category")).hasSize(1);
		assertThat(bundle.findValues("outcome")).hasSize(1);
		assertThat(written.split("标记 UNAUTHORIZED", -1)).as("the flag note, once").hasSize(2);
	}

	@Test
	void listsAPatientOnceAcrossHerCasesWithTheDeathOfALaterCase() throws IOException {
		ExportedCase first = CaseExportFixtures.robotic();
		ExportedCase later = CaseExportFixtures.ablation();
		ExportedCase sameAsFirst = new ExportedCase(later.caseId(), later.technology(), later.technologyName(),
				later.formKey(), later.subTechnique(), later.route(), later.procedureCodes(), later.admissionDate(),
				later.operationDate(), later.dischargeDate(), later.department(), later.operator(), later.assistants(),
				first.patient(), later.informedConsent(), later.complications(), later.deathDate(),
				later.dischargeStatus(), later.devices(), later.fields(), later.flags(), later.amendmentCount(),
				later.submittedAt(), later.source());
		JsonNode bundle = JSON.readTree(bundle(first, sameAsFirst));
		assertThat(resources(bundle, "Patient")).singleElement()
			.satisfies(p -> assertThat(p.get("deceasedDateTime").asString()).isEqualTo("2026-03-10"));
		assertThat(FhirValidation.errors(bundle.toString())).isEmpty();
	}

	@Test
	void validatorCatchesABrokenBundle() throws IOException {
		ObjectNode bundle = (ObjectNode) JSON.readTree(bundle(CaseExportFixtures.ablation()));
		ObjectNode procedure = (ObjectNode) resources(bundle, "Procedure").get(0);
		procedure.remove("status");
		ObjectNode patient = (ObjectNode) resources(bundle, "Patient").get(0);
		patient.put("gender", "M");
		ObjectNode device = (ObjectNode) resources(bundle, "Device").get(0);
		device.put("expirationDate", "28.02.2026");
		List<String> errors = FhirValidation.errors(bundle.toString());
		assertThat(errors).anySatisfy(e -> assertThat(e).contains("Procedure").contains("status"))
			.anySatisfy(e -> assertThat(e).contains("gender"))
			.anySatisfy(e -> assertThat(e).contains("expirationDate"));
		assertThat(FhirValidation.messages(bundle.toString()))
			.anySatisfy(m -> assertThat(m.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR));
	}

}
