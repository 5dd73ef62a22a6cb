package cn.rtms.indicators.fhir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorCell;
import cn.rtms.indicators.IndicatorManagement;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.IndicatorResults;
import cn.rtms.indicators.IndicatorSetView;
import cn.rtms.indicators.PeriodUnit;
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
 * The FHIR endpoints over HTTP on the embedded PostgreSQL: every Measure of every set and
 * both MeasureReport types pass the HAPI FHIR validator; the reports' numbers are the
 * engine's; a hospital user cannot get another hospital's report. Cases of 2019 at
 * 长春市中心医院 and 吉林市江城医院, removed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndicatorFhirIT {

	static final LocalDate FROM = LocalDate.of(2019, 1, 1);

	static final LocalDate TO = LocalDate.of(2019, 12, 31);

	static final String PREFIX = "BA-FHIR-";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IndicatorManagement indicators;

	UUID central;

	UUID jiangcheng;

	List<UUID> indicated = new ArrayList<>();

	UUID notIndicated;

	@BeforeEach
	void seed() {
		removeSeeds();
		this.central = institution("长春市中心医院");
		this.jiangcheng = institution("吉林市江城医院");
		String good = "{\"organ\": \"LUNG\", \"ptaPercent\": 80, \"organFunctionImpaired\": false, \"ecog\": 0, "
				+ "\"asaClass\": \"II\", \"lesionsPlanned\": 2, \"lesionsCompleted\": 2}";
		String pta50 = "{\"organ\": \"LUNG\", \"ptaPercent\": 50, \"organFunctionImpaired\": false, \"ecog\": 0, "
				+ "\"asaClass\": \"II\", \"lesionsPlanned\": 1, \"lesionsCompleted\": 0}";
		this.indicated.add(insertCase(this.central, 1, "2019-02-03", "P00000000f001", good));
		this.indicated.add(insertCase(this.central, 2, "2019-03-30", "P00000000f002", good));
		this.notIndicated = insertCase(this.central, 3, "2019-03-04", "P00000000f001", pta50);
		insertCase(this.central, 4, "2019-08-04", "P00000000f003", good);
		insertCase(this.jiangcheng, 5, "2019-02-10", "P00000000f004", pta50);
	}

	@AfterEach
	void removeSeeds() {
		this.jdbc.sql("delete from cases.case_report where medical_record_no like 'BA-FHIR-%'").update();
	}

	@Test
	void everyMeasureOfEverySetIsValidFhir() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		List<IndicatorSetView> sets = this.indicators.sets();
		assertThat(sets).isNotEmpty();
		for (IndicatorSetView set : sets) {
			Response response = clerk.get("/api/indicators/fhir/Measure?set=" + set.key());
			assertThat(response.status()).as(set.key()).isEqualTo(200);
			assertThat(IndicatorFhirValidation.errors(response.text())).as(set.key()).isEmpty();
			assertThat(response.body().get("entry")).hasSize(set.indicators().size());
		}
		Response one = clerk.get("/api/indicators/fhir/Measure/G08-2023-G08.INDICATION?set=G08-2023");
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.body().get("resourceType").asString()).isEqualTo("Measure");
		assertThat(one.body().at("/identifier/0/value").asString()).isEqualTo("G08.INDICATION");
	}

	@Test
	void theSummaryReportsAreValidAndCarryTheEnginesNumbers() throws Exception {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		String path = "/api/indicators/fhir/MeasureReport?set=G08-2023&groupBy=INSTITUTION&period=QUARTER&from=" + FROM
				+ "&to=" + TO + "&institutionId=" + this.central;
		Response response = clerk.get(path);
		assertThat(response.status()).isEqualTo(200);
		assertThat(contentType(clerk, path)).startsWith("application/fhir+json");
		assertThat(IndicatorFhirValidation.errors(response.text())).isEmpty();

		IndicatorResults engine = this.indicators.computeUnscoped(new IndicatorQuery("G08-2023", Grouping.INSTITUTION,
				PeriodUnit.QUARTER, FROM, TO, this.central, null, null));
		Map<String, IndicatorCell> cells = new HashMap<>();
		engine.cells()
			.stream()
			.filter(c -> c.stratum() == null)
			.forEach(c -> cells.put(c.indicatorCode() + "|" + c.period(), c));
		List<JsonNode> reports = response.body().get("entry").valueStream().map(e -> e.get("resource")).toList();
		assertThat(reports).hasSize(cells.size()).isNotEmpty();
		for (JsonNode report : reports) {
			assertThat(report.get("type").asString()).isEqualTo("summary");
			assertThat(report.at("/reporter/identifier/value").asString()).isEqualTo(this.central.toString());
			String code = this.indicators.set("G08-2023")
				.indicators()
				.stream()
				.map(i -> i.code())
				.filter(c -> IndicatorFhirWriter.measureUrl("G08-2023", c).equals(report.get("measure").asString()))
				.findFirst()
				.orElseThrow();
			String start = report.at("/period/start").asString();
			String period = start.substring(0, 4) + "-Q" + ((Integer.parseInt(start.substring(5, 7)) - 1) / 3 + 1);
			IndicatorCell cell = cells.get(code + "|" + period);
			assertThat(cell).as(code + " " + period).isNotNull();
			JsonNode populations = report.at("/group/0/population");
			boolean average = populations.get(0).at("/code/coding/0/code").asString().equals("initial-population");
			if (!average) {
				assertThat(populations.get(0).get("count").asInt()).as(code).isEqualTo(cell.numerator().intValue());
			}
			assertThat(populations.get(1).get("count").asInt()).as(code).isEqualTo(cell.denominator().intValue());
			if (cell.value() == null) {
				assertThat(report.at("/group/0").has("measureScore")).isFalse();
			}
			else {
				assertThat(report.at("/group/0/measureScore/value").decimalValue()).as(code)
					.isEqualByComparingTo(cell.value());
			}
		}
		// worked out from the seeds: 2019-Q1 has three cases, two with PTA > 50
		IndicatorCell q1 = cells.get("G08.INDICATION|2019-Q1");
		assertThat(q1.numerator()).isEqualByComparingTo(BigDecimal.valueOf(2));
		assertThat(q1.denominator()).isEqualByComparingTo(BigDecimal.valueOf(3));
	}

	@Test
	void theSubjectListNamesTheCasesBehindEachNumberByIdOnly() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		Response response = clerk.get("/api/indicators/fhir/MeasureReport?set=G08-2023&indicator=G08.INDICATION"
				+ "&groupBy=INSTITUTION&period=QUARTER&from=" + FROM + "&to=" + TO + "&type=subject-list");
		assertThat(response.status()).isEqualTo(200);
		assertThat(IndicatorFhirValidation.errors(response.text())).isEmpty();
		JsonNode q1 = response.body()
			.get("entry")
			.valueStream()
			.map(e -> e.get("resource"))
			.filter(r -> r.at("/period/start").asString().equals("2019-01-01"))
			.findFirst()
			.orElseThrow();
		assertThat(q1.get("type").asString()).isEqualTo("subject-list");
		JsonNode numerator = q1.get("contained").get(0);
		JsonNode denominator = q1.get("contained").get(1);
		assertThat(numerator.get("entry").valueStream().map(e -> e.at("/item/identifier/value").asString()))
			.containsExactlyInAnyOrderElementsOf(this.indicated.stream().map(UUID::toString).toList());
		assertThat(denominator.get("entry")).hasSize(3);
		assertThat(response.text()).doesNotContain(PREFIX, "ZY-FHIR");
		// subject lists need one indicator
		Response all = clerk
			.get("/api/indicators/fhir/MeasureReport?set=G08-2023&from=" + FROM + "&to=" + TO + "&type=subject-list");
		assertThat(all.status()).isEqualTo(400);
		assertThat(all.body().get("code").asString()).isEqualTo("INVALID_INDICATOR_QUERY");
		Response farOff = clerk
			.get("/api/indicators/fhir/MeasureReport?set=G08-2023&from=%2B999999999-01-01" + "&to=%2B999999999-12-31");
		assertThat(farOff.status()).as("years LocalDate itself can hardly add to: a 400, not a 500").isEqualTo(400);
		assertThat(farOff.body().get("code").asString()).isEqualTo("INVALID_INDICATOR_QUERY");
	}

	@Test
	void aHospitalUserCannotGetAnotherHospitalsReport() {
		Api other = Api.as(this.port, "jiangcheng-clerk");
		Response response = other.get("/api/indicators/fhir/MeasureReport?set=G08-2023&groupBy=INSTITUTION"
				+ "&period=QUARTER&from=" + FROM + "&to=" + TO + "&institutionId=" + this.central);
		if (response.status() == 200) {
			assertThat(response.text()).doesNotContain(this.central.toString());
		}
		else {
			assertThat(response.status()).isEqualTo(403);
		}
		Response subjects = other.get("/api/indicators/fhir/MeasureReport?set=G08-2023&indicator=G08.INDICATION"
				+ "&groupBy=INSTITUTION&period=QUARTER&from=" + FROM + "&to=" + TO + "&type=subject-list");
		assertThat(subjects.status()).isEqualTo(200);
		assertThat(subjects.text()).doesNotContain(this.central.toString(), this.indicated.get(0).toString(),
				this.notIndicated.toString());
		assertThat(subjects.text()).contains(this.jiangcheng.toString());
		assertThat(Api.as(this.port, "expert1")
			.get("/api/indicators/fhir/MeasureReport?set=G08-2023&from=" + FROM + "&to=" + TO)
			.status()).isEqualTo(403);
	}

	@Test
	void badParametersAreProblemsNotErrors() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		assertThat(clerk.get("/api/indicators/fhir/Measure").body().get("code").asString())
			.isEqualTo("INVALID_INDICATOR_QUERY");
		assertThat(clerk.get("/api/indicators/fhir/Measure?set=X99-2000").status()).isEqualTo(404);
		Response badDate = clerk.get("/api/indicators/fhir/MeasureReport?set=G08-2023&from=2019-13-01&to=" + TO);
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.body().at("/errors/0/field").asString()).isEqualTo("from");
		assertThat(
				clerk.get("/api/indicators/fhir/MeasureReport?set=G08-2023&groupBy=HOSPITAL&from=" + FROM + "&to=" + TO)
					.status())
			.isEqualTo(400);
		assertThat(clerk
			.get("/api/indicators/fhir/MeasureReport?set=G08-2023&indicator=G08.NOPE&from=" + FROM + "&to=" + TO)
			.body()
			.get("code")
			.asString()).isEqualTo("INDICATOR_NOT_FOUND");
		assertThat(clerk.get("/api/indicators/fhir/MeasureReport?set=G08-2023&type=bundle&from=" + FROM + "&to=" + TO)
			.status()).isEqualTo(400);
	}

	private String contentType(Api api, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Cookie", "JSESSIONID=" + api.cookie("JSESSIONID"))
			.GET()
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.discarding())
				.headers()
				.firstValue("Content-Type")
				.orElse("");
		}
	}

	private UUID institution(String name) {
		return this.jdbc.sql("select id from institutions.institution where name = ?")
			.param(name)
			.query(UUID.class)
			.single();
	}

	private UUID insertCase(UUID institution, int number, String operationDate, String pseudonym, String form) {
		UUID id = UUID.randomUUID();
		LocalDate day = LocalDate.parse(operationDate);
		String region = this.jdbc.sql("select region_code from institutions.institution where id = ?")
			.param(institution)
			.query(String.class)
			.single();
		Timestamp at = Timestamp.from(Instant.parse(operationDate + "T08:00:00Z").plusSeconds(86400));
		this.jdbc
			.sql("""
					insert into cases.case_report (id, institution_id, institution_region_code, technology, form_key, status,
					  medical_record_no, inpatient_no, patient_pseudonym, patient_sex, admission_date, operation_date,
					  discharge_date, department, discharge_status, form_data, source, created_at, created_by, updated_at,
					  submitted_at, submitted_by)
					values (:id, :institution, :region, 'G08', 'G08-2023', 'SUBMITTED', :recordNo, :inpatientNo, :pseudonym,
					  'F', :admission, :operation, :discharge, '肿瘤科', 'ORDERED', cast(:form as jsonb), 'FORM', :at, :by,
					  :at, :at, :by)
					""")
			.param("id", id)
			.param("institution", institution)
			.param("region", region)
			.param("recordNo", PREFIX + number)
			.param("inpatientNo", "ZY-FHIR-" + number)
			.param("pseudonym", pseudonym)
			.param("admission", day.minusDays(1))
			.param("operation", day)
			.param("discharge", day.plusDays(4))
			.param("form", form)
			.param("at", at)
			.param("by", UUID.randomUUID())
			.update();
		return id;
	}

}
