package cn.rtms.cases.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.transform.TransformerFactory;

import cn.idev.excel.FastExcel;
import cn.rtms.audit.AuditEntry;
import cn.rtms.audit.AuditTrail;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.personnel.StaffRole;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case exports over HTTP on the embedded PostgreSQL: cases seeded with SQL into
 * {@code cases.case_report} / {@code case_device} / {@code case_amendment} (the patient's
 * columns holding a name, ID number and phone that must never come out), both provincial
 * formats and the FHIR bundle exported, validated (JSON Schema, HAPI FHIR) and read back,
 * scope and parameter checks, and the audit entry of every export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseExportIT {

	static final String FROM = "2019-01-01";

	static final String TO = "2019-06-30";

	static final String PATIENT_NAME = "欧阳测试患者";

	static final String PATIENT_ID = "22010219580303002X";

	static final String PATIENT_PHONE = "13900001111";

	static final String RECORD_NO = "BA-EXPORT-0001";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonnelManagement personnel;

	@Autowired
	AuditTrail audit;

	UUID central;

	UUID jiangcheng;

	PersonDetails operator;

	PersonDetails assistant;

	UUID flagged;

	@BeforeEach
	void seed() {
		this.central = institution("长春市中心医院");
		this.jiangcheng = institution("吉林市江城医院");
		List<PersonDetails> licensed = this.personnel.atInstitution(this.central)
			.stream()
			.filter(p -> p.licence() != null)
			.toList();
		this.operator = licensed.get(0);
		this.assistant = licensed.get(1);
		removeSeeds();
		this.flagged = insertCase(this.central, "SUBMITTED", RECORD_NO, "2019-03-03", "P0000000000a1");
		insertCase(this.central, "SUBMITTED", "BA-EXPORT-0002", "2019-01-01", "P0000000000a2");
		insertCase(this.central, "SUBMITTED", "BA-EXPORT-0003", "2019-06-30", "P0000000000a1");
		insertCase(this.central, "DRAFT", "BA-EXPORT-0004", "2019-04-01", "P0000000000a3");
		insertCase(this.central, "SUBMITTED", "BA-EXPORT-0005", "2019-07-01", "P0000000000a4");
		insertCase(this.jiangcheng, "SUBMITTED", "BA-EXPORT-0006", "2019-03-03", "P0000000000b1");
		insertDevice(this.flagged, 1, "]d2010950600013435217190200" + "\u001D" + "10LOT7" + "\u001D" + "21SER-EXPORT-1",
				"GS1", "09506000134352", "LOT7", "SER-EXPORT-1", "2019-02-28");
		insertDevice(this.flagged, 2, "MA.156.M0.100043.1001", "MA", null, null, null, null);
		this.jdbc.sql("""
				insert into cases.case_amendment (id, case_id, amended_at, amended_by, reason, before, after)
				values (?, ?, ?, ?, '更正出院日期', '{}', '{}')
				""")
			.params(UUID.randomUUID(), this.flagged, Timestamp.from(Instant.parse("2019-03-20T01:00:00Z")),
					UUID.randomUUID())
			.update();
	}

	/**
	 * The seeds hold patient columns in the clear (to prove the export never selects
	 * them), which the case registry itself cannot decrypt: they leave with the test so
	 * other tests sharing the database never read them.
	 */
	@AfterEach
	void removeSeeds() {
		this.jdbc.sql("""
				delete from cases.case_amendment where case_id in
				  (select id from cases.case_report where medical_record_no like 'BA-EXPORT-%')
				""").update();
		this.jdbc.sql("delete from cases.case_report where medical_record_no like 'BA-EXPORT-%'").update();
	}

	private UUID institution(String name) {
		return this.jdbc.sql("select id from institutions.institution where name = ?")
			.param(name)
			.query(UUID.class)
			.single();
	}

	private UUID insertCase(UUID institution, String status, String recordNo, String operationDate, String pseudonym) {
		UUID id = UUID.randomUUID();
		LocalDate day = LocalDate.parse(operationDate);
		String region = this.jdbc.sql("select region_code from institutions.institution where id = ?")
			.param(institution)
			.query(String.class)
			.single();
		Timestamp at = Timestamp.from(Instant.parse(operationDate + "T08:00:00Z").plusSeconds(86400 * 3));
		this.jdbc
			.sql("""
					insert into cases.case_report (id, institution_id, institution_region_code, technology, form_key, status,
					  medical_record_no, inpatient_no, patient_name_enc, patient_id_no_enc, patient_phone_enc,
					  patient_pseudonym, patient_sex, patient_birth_date, sub_technique, route, procedure_codes,
					  admission_date, operation_date, discharge_date, department, operator_id, assistant_ids,
					  informed_consent, complications, discharge_status, form_data, flags, source,
					  created_at, created_by, updated_at, submitted_at, submitted_by)
					values (:id, :institution, :region, 'G08', 'G08-2023', :status, :recordNo, 'ZY-EXPORT-1',
					  :name, :idNo, :phone, :pseudonym, 'F', '1958-03-03', 'RFA', 'PERCUTANEOUS',
					  '[{"code": "50.2400x001", "name": "经皮肝病损射频消融术", "inSpecList": true}, {"code": "17.4100", "name": null, "inSpecList": false}]'::jsonb,
					  :admission, :operation, :discharge, '肿瘤介入科', :operator, cast(:assistants as jsonb), true,
					  '[{"name": "术后出血", "onsetDate": "%s", "grade": "II"}]'::jsonb, 'ORDERED',
					  '{"ptaPercent": 78.5, "childPugh": "A", "lesionsPlanned": 2}'::jsonb,
					  '[{"code": "UNAUTHORIZED", "message": "术者在手术日无该技术的有效授权"}]'::jsonb, 'FORM',
					  :at, :by, :at, :submitted, :submittedBy)
					"""
				.formatted(day.plusDays(1)))
			.param("id", id)
			.param("institution", institution)
			.param("region", region)
			.param("status", status)
			.param("recordNo", recordNo)
			.param("name", PATIENT_NAME.getBytes(StandardCharsets.UTF_8))
			.param("idNo", PATIENT_ID.getBytes(StandardCharsets.UTF_8))
			.param("phone", PATIENT_PHONE.getBytes(StandardCharsets.UTF_8))
			.param("pseudonym", pseudonym)
			.param("admission", day.minusDays(2))
			.param("operation", day)
			.param("discharge", day.plusDays(5))
			.param("operator", this.operator.id())
			.param("assistants", "[\"" + this.assistant.id() + "\"]")
			.param("at", at)
			.param("by", UUID.randomUUID())
			.param("submitted", "SUBMITTED".equals(status) ? at : null)
			.param("submittedBy", "SUBMITTED".equals(status) ? UUID.randomUUID() : null)
			.update();
		return id;
	}

	private void insertDevice(UUID caseId, int position, String scanned, String type, String gtin, String lot,
			String serial, String expiry) {
		this.jdbc.sql("""
				insert into cases.case_device (id, case_id, position, scanned, barcode_type, gtin, lot, serial,
				  expiry_date, registration_no, name, single_use, quantity)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as date), '国械注准20213010001', '射频消融电极', true, 1)
				""").params(UUID.randomUUID(), caseId, position, scanned, type, gtin, lot, serial, expiry).update();
	}

	private String query(UUID institution) {
		return "institutionId=" + institution + "&from=" + FROM + "&to=" + TO;
	}

	private static void assertNoPatientIdentifiers(String export) {
		assertThat(export).doesNotContain(PATIENT_NAME, PATIENT_ID, PATIENT_PHONE, RECORD_NO, "ZY-EXPORT-1");
	}

	@Test
	void exportsTheSubmittedCasesOfThePeriodAsJsonTheSchemaAccepts() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		Response response = clerk.get("/api/case-exports/provincial?" + query(this.central) + "&format=json");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode document = response.body();
		assertThat(CaseExportSchema.errors(document)).isEmpty();
		assertThat(document.get("caseCount").asInt()).isEqualTo(3);
		assertThat(document.get("cases").valueStream().map(c -> c.get("operationDate").asString()))
			.containsExactly("2019-01-01", "2019-03-03", "2019-06-30");
		JsonNode flaggedCase = document.get("cases")
			.valueStream()
			.filter(c -> c.get("caseId").asString().equals(this.flagged.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(flaggedCase.at("/operator/licenceNumber").asString()).isEqualTo(this.operator.licence().number());
		assertThat(flaggedCase.at("/operator/name").asString()).isEqualTo(this.operator.name());
		assertThat(flaggedCase.at("/assistants/0/licenceNumber").asString())
			.isEqualTo(this.assistant.licence().number());
		assertThat(flaggedCase.at("/patient/sex").asString()).isEqualTo("F");
		assertThat(flaggedCase.at("/patient/birthYear").asInt()).isEqualTo(1958);
		assertThat(flaggedCase.at("/patient/ageAtOperation").asInt()).isEqualTo(61);
		assertThat(flaggedCase.at("/technologyName").asString()).isNotBlank();
		assertThat(flaggedCase.at("/devices")).hasSize(2);
		assertThat(flaggedCase.at("/devices/0/serial").asString()).isEqualTo("SER-EXPORT-1");
		assertThat(flaggedCase.at("/flags/0/code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(flaggedCase.at("/fields/childPugh").asString()).isEqualTo("A");
		assertThat(flaggedCase.at("/amendmentCount").asInt()).isEqualTo(1);
		assertThat(document.at("/institution/name").asString()).isEqualTo("长春市中心医院");
		assertNoPatientIdentifiers(response.text());
	}

	@Test
	void servesTheSchemaTheJsonExportFollowsToAnyone() {
		Response schema = new Api(this.port).get("/api/public/case-export.schema.json");
		assertThat(schema.status()).as(schema.text()).isEqualTo(200);
		assertThat(schema.body().get("$id").asString()).isEqualTo("https://rtms.cn/schemas/case-export/1.1");
		Response export = Api.as(this.port, "ccszx-clerk")
			.get("/api/case-exports/provincial?" + query(this.central) + "&format=json");
		assertThat(export.body().get("schema").asString()).as("the export names the schema served")
			.isEqualTo(schema.body().get("$id").asString());
	}

	@Test
	void exportsTheSameCasesAsAWorkbookThatReadsBack() throws Exception {
		// The running platform names the JDK's transformer factory (XmlFactories), though
		// the
		// FHIR validator puts Saxon on this class path: POI asks for one per workbook
		// part.
		assertThat(Class.forName("net.sf.saxon.TransformerFactoryImpl")).isNotNull();
		assertThat(TransformerFactory.newInstance().getClass().getName())
			.isEqualTo("com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
		Api clerk = Api.as(this.port, "ccszx-clerk");
		HttpResponse<byte[]> response = download(clerk,
				"/api/case-exports/provincial?format=xlsx&from=" + FROM + "&to=" + TO);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
		byte[] xlsx = response.body();
		List<Map<Integer, String>> cases = FastExcel.read(new ByteArrayInputStream(xlsx))
			.sheet("病例")
			.headRowNumber(0)
			.doReadSync();
		assertThat(cases).hasSize(4);
		assertThat(cases.get(0).get(0)).isEqualTo("病例ID");
		assertThat(cases.subList(1, 4)).extracting(row -> row.get(0)).contains(this.flagged.toString());
		List<Map<Integer, String>> devices = FastExcel.read(new ByteArrayInputStream(xlsx))
			.sheet("器械")
			.headRowNumber(1)
			.doReadSync();
		assertThat(devices).hasSize(2);
		assertThat(devices.get(0).get(6)).isEqualTo("SER-EXPORT-1");
		StringBuilder all = new StringBuilder();
		for (String sheet : List.of("病例", "并发症", "器械", "专项字段", "导出信息")) {
			List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx))
				.sheet(sheet)
				.headRowNumber(0)
				.doReadSync();
			rows.forEach(row -> all.append(row.values()).append('\n'));
		}
		assertNoPatientIdentifiers(all.toString());
	}

	@Test
	void exportsAFhirBundleTheHapiValidatorAccepts() {
		Api city = Api.as(this.port, "changchun");
		Response response = city.get("/api/case-exports/fhir?" + query(this.central));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(FhirValidation.errors(response.text())).isEmpty();
		JsonNode bundle = response.body();
		assertThat(FhirBundleWriterTests.danglingReferences(bundle)).isEmpty();
		assertThat(FhirBundleWriterTests.resources(bundle, "Patient")).hasSize(2);
		assertThat(FhirBundleWriterTests.resources(bundle, "Practitioner")).hasSize(2)
			.anySatisfy(p -> assertThat(p.at("/identifier/0/value").asString())
				.isEqualTo(this.operator.licence().number()));
		assertThat(FhirBundleWriterTests.resources(bundle, "Device")).hasSize(2);
		assertThat(FhirBundleWriterTests.resources(bundle, "Organization")).singleElement()
			.satisfies(o -> assertThat(o.get("name").asString()).isEqualTo("长春市中心医院"));
		assertNoPatientIdentifiers(response.text());
	}

	@Test
	void exportsACaseEnteredThroughTheRegistryWithoutItsPatientIdentifiers() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		PersonDetails physician = this.personnel.atInstitution(this.central)
			.stream()
			.filter(p -> p.licence() != null && p.roles().contains(StaffRole.PHYSICIAN))
			.findFirst()
			.orElseThrow();
		String body = """
				{"technology": "G08", "subTechnique": "HIFU", "route": "PERCUTANEOUS",
				 "procedureCodes": ["50.2400x001"], "medicalRecordNo": "BA-EXPORT-API-1", "inpatientNo": "ZY-EXPORT-API-1",
				 "patient": {"name": "%s", "idNumber": "%s", "phone": "%s", "sex": "F", "birthDate": "1958-03-03"},
				 "admissionDate": "2019-05-01", "operationDate": "2019-05-03", "dischargeDate": "2019-05-08",
				 "department": "肿瘤介入科", "operatorId": "%s", "assistantIds": [], "informedConsent": true,
				 "complications": [
				   {"name": "腹腔大出血", "onsetDate": "2019-05-04", "grade": "III", "type": "MAJOR_BLEEDING", "serious": true},
				   {"name": "低热", "onsetDate": "2019-05-04", "grade": "I", "type": "OTHER", "serious": false}],
				 "dischargeStatus": "ORDERED",
				 "fields": {"organ": "LIVER", "lesionsPlanned": 1, "lesionsCompleted": 1, "childPugh": "A", "ecog": 1,
				            "asaClass": "II", "ptaPercent": 76.5, "organFunctionImpaired": false},
				 "devices": []}
				"""
			.formatted(PATIENT_NAME, PATIENT_ID, PATIENT_PHONE, physician.id());
		Response created = clerk.post("/api/cases", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();
		Response submitted = clerk.post("/api/cases/" + id + "/submit",
				Map.of("version", created.body().get("version").asInt(), "confirmedWarnings", List.of()));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		String pseudonym = submitted.body().at("/patient/pseudonym").asString();
		// type and seriousness of each complication come back through the API
		JsonNode read = clerk.get("/api/cases/" + id).body();
		assertThat(read.at("/complications/0/type").asString()).isEqualTo("MAJOR_BLEEDING");
		assertThat(read.at("/complications/0/serious").asBoolean()).isTrue();
		assertThat(read.at("/complications/1/type").asString()).isEqualTo("OTHER");
		assertThat(read.at("/complications/1/serious").asBoolean()).isFalse();
		assertThat(read.at("/fields/ptaPercent").asDouble()).isEqualTo(76.5);
		assertThat(read.at("/fields/organFunctionImpaired").asBoolean()).isFalse();
		// and are stored as the indicators read them: complications jsonb {name,
		// onsetDate, grade, type, serious}
		assertThat(this.jdbc.sql("""
				select count(*) from cases.case_report where id = ?
				  and complications @> '[{"type": "MAJOR_BLEEDING", "serious": true, "grade": "III"}]'::jsonb
				  and (form_data ->> 'ptaPercent')::numeric = 76.5""")
			.param(UUID.fromString(id))
			.query(Integer.class)
			.single()).isEqualTo(1);

		Response json = clerk.get("/api/case-exports/provincial?" + query(this.central) + "&format=json");
		assertThat(CaseExportSchema.errors(json.body())).isEmpty();
		JsonNode exported = json.body()
			.get("cases")
			.valueStream()
			.filter(c -> c.get("caseId").asString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(exported.at("/patient/pseudonym").asString()).isEqualTo(pseudonym);
		assertThat(exported.at("/operator/licenceNumber").asString()).isEqualTo(physician.licence().number());
		assertThat(exported.at("/complications/0/type").asString()).isEqualTo("MAJOR_BLEEDING");
		assertThat(exported.at("/complications/0/typeName").asString()).isEqualTo("大量出血");
		assertThat(exported.at("/complications/0/serious").asBoolean()).isTrue();
		assertThat(exported.at("/complications/1/serious").asBoolean()).isFalse();
		// a case stored before type and seriousness existed exports them as null
		JsonNode legacy = json.body()
			.get("cases")
			.valueStream()
			.filter(c -> c.get("caseId").asString().equals(this.flagged.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(legacy.at("/complications/0/type").isNull()).isTrue();
		assertThat(legacy.at("/complications/0/serious").isNull()).isTrue();
		assertThat(json.text()).doesNotContain("BA-EXPORT-API-1", "ZY-EXPORT-API-1");
		assertNoPatientIdentifiers(json.text());
		Response fhir = clerk.get("/api/case-exports/fhir?" + query(this.central));
		assertThat(FhirValidation.errors(fhir.text())).isEmpty();
		assertThat(fhir.text()).contains(pseudonym).doesNotContain("BA-EXPORT-API-1");
		JsonNode procedure = FhirBundleWriterTests.resources(fhir.body(), "Procedure")
			.stream()
			.filter(p -> p.toString().contains("腹腔大出血"))
			.findFirst()
			.orElseThrow();
		assertThat(procedure.at("/complication/0/coding/0/code").asString()).isEqualTo("MAJOR_BLEEDING");
		assertThat(procedure.at("/complication/0/text").asString()).contains("严重并发症");
		assertThat(procedure.at("/complication/1/text").asString()).contains("非严重并发症");
		assertNoPatientIdentifiers(fhir.text());
	}

	@Test
	void numbersTheDevicesOfACaseEnteredThroughTheRegistryFromOne() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		PersonDetails physician = this.personnel.atInstitution(this.central)
			.stream()
			.filter(p -> p.licence() != null && p.roles().contains(StaffRole.PHYSICIAN))
			.findFirst()
			.orElseThrow();
		String serial = "POS" + UUID.randomUUID().toString().substring(0, 8);
		String expired = "(01)09506000134352(17)190430(10)LOT7(21)" + serial + "A";
		String valid = "(01)09506000134352(17)301231(10)LOT7(21)" + serial + "B";
		String body = """
				{"technology": "G08", "subTechnique": "RFA", "route": "PERCUTANEOUS",
				 "procedureCodes": ["50.2400x001"], "medicalRecordNo": "BA-EXPORT-API-2",
				 "patient": {"name": "%s", "idNumber": "%s", "phone": "%s", "sex": "F", "birthDate": "1958-03-03"},
				 "admissionDate": "2019-05-08", "operationDate": "2019-05-10", "dischargeDate": "2019-05-15",
				 "department": "肿瘤介入科", "operatorId": "%s", "assistantIds": [], "informedConsent": true,
				 "complications": [], "dischargeStatus": "ORDERED",
				 "fields": {"organ": "LIVER", "lesionsPlanned": 1, "lesionsCompleted": 1, "childPugh": "A", "ecog": 1,
				            "asaClass": "II", "ptaPercent": 80, "organFunctionImpaired": false},
				 "devices": [{"scanned": "%s", "name": "射频消融电极"}, {"scanned": "%s", "name": "穿刺针"}]}
				""".formatted(PATIENT_NAME, PATIENT_ID, PATIENT_PHONE, physician.id(), expired, valid);
		Response created = clerk.post("/api/cases", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();
		Response submitted = clerk.post("/api/cases/" + id + "/submit",
				Map.of("version", created.body().get("version").asInt(), "confirmedWarnings", List.of()));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);

		Response json = clerk.get("/api/case-exports/provincial?" + query(this.central) + "&format=json");
		assertThat(CaseExportSchema.errors(json.body())).isEmpty();
		JsonNode exported = json.body()
			.get("cases")
			.valueStream()
			.filter(c -> c.get("caseId").asString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(exported.get("devices")).extracting(d -> d.get("position").asInt()).containsExactly(1, 2);
		assertThat(exported.at("/devices/0/serial").asString()).isEqualTo(serial + "A");
		JsonNode flag = exported.get("flags")
			.valueStream()
			.filter(f -> f.get("code").asString().equals("DEVICE_EXPIRED"))
			.findFirst()
			.orElseThrow();
		assertThat(flag.get("message").asString()).as("the flag numbers the expired device as the export does")
			.startsWith("第 1 个器械");
	}

	@Test
	void auditsEveryExportWithItsPeriodAndCaseCount() {
		Api.as(this.port, "changchun").get("/api/case-exports/provincial?" + query(this.central) + "&format=json");
		List<AuditEntry> entries = this.audit.entries("Institution", this.central.toString(), 5);
		assertThat(entries).first().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("CASES_EXPORTED");
			assertThat(entry.actorName()).isEqualTo("长春市卫生健康委员会");
			assertThat(entry.after()).contains("\"cases\":3", "\"from\":\"2019-01-01\"", "\"format\":\"JSON\"",
					"\"completed\":true");
		});
	}

	@Test
	void keepsEachUserToTheInstitutionsInScope() {
		assertThat(Api.as(this.port, "songjiang-clerk")
			.get("/api/case-exports/provincial?" + query(this.central) + "&format=json")
			.status()).isEqualTo(403);
		Api city = Api.as(this.port, "changchun");
		Response outside = city.get("/api/case-exports/fhir?" + query(this.jiangcheng));
		assertThat(outside.status()).isEqualTo(403);
		assertThat(outside.body().get("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(Api.as(this.port, "doctor-wang").get("/api/case-exports/fhir?" + query(this.central)).status())
			.isEqualTo(403);
		assertThat(Api.as(this.port, "expert1").get("/api/case-exports/fhir?" + query(this.central)).status())
			.isEqualTo(403);
		Response province = Api.as(this.port, "province")
			.get("/api/case-exports/provincial?" + query(this.jiangcheng) + "&format=json");
		assertThat(province.status()).isEqualTo(200);
		assertThat(province.body().get("caseCount").asInt()).isEqualTo(1);
		assertThat(Api.as(this.port, "admin")
			.get("/api/case-exports/fhir?institutionId=" + UUID.randomUUID() + "&from=" + FROM + "&to=" + TO)
			.status()).isEqualTo(404);
		assertThat(new Api(this.port).get("/api/case-exports/fhir?" + query(this.central)).status()).isEqualTo(401);
	}

	@Test
	void refusesBadParametersWithChineseProblems() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		Response tooLong = clerk.get("/api/case-exports/provincial?format=json&from=2019-01-01&to=2020-01-01");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body().get("code").asString()).isEqualTo("INVALID_CASE_EXPORT");
		assertThat(tooLong.body().get("detail").asString()).contains("导出期间最长 1 年");
		Response reversed = clerk.get("/api/case-exports/fhir?from=2019-06-30&to=2019-01-01");
		assertThat(reversed.body().get("detail").asString()).contains("结束日期 2019-01-01 早于开始日期 2019-06-30");
		Response garbage = clerk.get("/api/case-exports/provincial?format=pdf&from=2019-13-01&institutionId=x");
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(garbage.body().get("errors")).extracting(e -> e.get("field").asString())
			.containsExactlyInAnyOrder("institutionId", "from", "to", "format");
		assertThat(garbage.text()).contains("不支持的导出格式“pdf”", "开始日期“2019-13-01”不是有效日期", "请填写结束日期");
		long exported = this.jdbc.sql("select count(*) from audit.entry where action = 'CASES_EXPORTED'")
			.query(Long.class)
			.single();
		Response farPast = clerk
			.get("/api/case-exports/provincial?format=json&from=-999999999-01-01&to=-999999999-02-01");
		assertThat(farPast.status()).as(farPast.text()).isEqualTo(400);
		assertThat(farPast.body().get("errors")).extracting(e -> e.get("field").asString()).contains("from", "to");
		assertThat(farPast.text()).contains("超出允许范围");
		assertThat(this.jdbc.sql("select count(*) from audit.entry where action = 'CASES_EXPORTED'")
			.query(Long.class)
			.single()).as("a refused export is not audited as an export").isEqualTo(exported);
		Response authority = Api.as(this.port, "changchun")
			.get("/api/case-exports/provincial?format=json&from=" + FROM + "&to=" + TO);
		assertThat(authority.status()).isEqualTo(400);
		assertThat(authority.text()).contains("请选择要导出的医疗机构");
	}

	private HttpResponse<byte[]> download(Api session, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Cookie", "JSESSIONID=" + session.cookie("JSESSIONID"))
			.GET()
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

}
