package cn.rtms.filing;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.bulkload.BulkKind;
import cn.rtms.bulkload.BulkTemplates;
import cn.rtms.institutions.CreditCode;
import cn.rtms.filing.FilingClient.Part;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionLevel;
import cn.rtms.institutions.InstitutionType;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.rtms.filing.FilingClient.fields;
import static cn.rtms.filing.FilingClient.pdf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk load that changes an institution with an active filing re-checks the filing at
 * once, as an edit through the form does (FilingWorkflowIT): the load publishes one
 * {@code InstitutionsChanged} for the set, and the filing module's listener re-evaluates
 * only those institutions' filings. Its own context, so that 松江's S04 filing is its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=BulkLoadRecheckIT")
class BulkLoadRecheckIT {

	static final LocalDate TODAY = TestClock.today();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BulkTemplates templates;

	FilingClient as(String user) {
		return FilingClient.as(this.port, user);
	}

	JsonNode act(FilingClient user, JsonNode filing, String action, Map<String, Object> body) {
		Map<String, Object> withVersion = new HashMap<>(body);
		withVersion.put("version", filing.get("version").asLong());
		return user.ok(user.post("/api/filings/" + filing.get("id").asString() + "/" + action, withVersion));
	}

	JsonNode activeS04() {
		FilingClient clerk = as("songjiang-clerk");
		FilingClient province = as("province");
		FilingClient expert = as("expert1");
		JsonNode filing = clerk.ok(clerk.post("/api/filings", Map.of("technology", "S04")));
		String id = filing.get("id").asString();
		filing = act(clerk, filing, "self-assessment", Map.of());
		List<String> pending = new ArrayList<>();
		filing.get("pendingAttestations").forEach(c -> pending.add(c.asString()));
		for (String clause : pending) {
			filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/attestations",
					fields("version", filing.get("version").asString(), "clauseRef", clause, "evidence", "现场核查：符合要求"),
					List.of(new Part("file", "evidence.pdf", pdf("evidence " + clause)))));
		}
		for (String committee : List.of("TECHNOLOGY_MANAGEMENT", "ETHICS")) {
			filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/committee-opinions",
					fields("version", filing.get("version").asString(), "committee", committee, "meetingDate",
							TODAY.minusDays(5).toString(), "opinion", "经讨论，同意开展该技术"),
					List.of(new Part("minutes", "minutes.pdf", pdf("minutes " + committee)))));
		}
		filing = act(clerk, filing, "submit", Map.of("firstCaseDate", TODAY.minusDays(7).toString()));
		filing = act(province, filing, "receive", Map.of());
		filing = act(province, filing, "expert-review", Map.of("expertIds", List.of(expert.me())));
		filing = act(expert, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		filing = act(province, filing, "decision", Map.of("decision", "APPROVED", "reasons", "同意"));
		filing = act(province, filing, "activate", Map.of("licenceNote", "肿瘤深部热疗和全身热疗技术已备案"));
		assertThat(filing.get("state").asString()).isEqualTo("ACTIVE");
		assertThat(filing.has("revocationProposal")).as("松江 meets S04 before the load").isFalse();
		return filing;
	}

	/** The 机构 row that leaves the stored institution as it is. */
	List<Object> unchangedRow(String institutionId, String creditCode) {
		Map<String, Object> stored = this.jdbc
			.sql("select name, region_code, level, type, specialty, licence_number, licence_issued_by, "
					+ "licence_issuer_region_code, licence_valid_from, licence_valid_until "
					+ "from institutions.institution where id = ?::uuid")
			.param(institutionId)
			.query()
			.singleRow();
		String specialty = (String) stored.get("specialty");
		return new ArrayList<>(Arrays.asList(creditCode, stored.get("name"), stored.get("region_code"),
				InstitutionLevel.valueOf((String) stored.get("level")).label(),
				InstitutionType.valueOf((String) stored.get("type")).label(),
				specialty == null ? "" : InstitutionDetails.SPECIALTIES.get(specialty), stored.get("licence_number"),
				stored.get("licence_issued_by"), stored.get("licence_issuer_region_code"),
				date(stored.get("licence_valid_from")), date(stored.get("licence_valid_until"))));
	}

	static Object date(Object stored) {
		return stored == null ? "" : ((java.sql.Date) stored).toLocalDate();
	}

	byte[] workbook(Map<String, List<List<Object>>> sheets) {
		Map<String, Iterator<List<Object>>> rows = new LinkedHashMap<>();
		sheets.forEach((name, list) -> rows.put(name, list.iterator()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.templates.write(BulkKind.INSTITUTIONS, rows, out);
		return out.toByteArray();
	}

	@Test
	void aBulkLoadThatTakesAwayTheEquipmentProposesRevocationAtOnce() {
		JsonNode filing = activeS04();
		String institutionId = filing.get("institutionId").asString();
		String creditCode = "91220000MA0000001X";
		creditCode = creditCode.substring(0, 17) + CreditCode.checkCharacter(creditCode.substring(0, 17));
		this.jdbc.sql("update institutions.institution set credit_code = ? where id = ?::uuid")
			.params(creditCode, institutionId)
			.update();
		List<Object> row = unchangedRow(institutionId, creditCode);

		Response unchanged = as("province").api.upload("/api/bulk-load/institutions", "same.xlsx",
				workbook(Map.of("机构", List.of(row))));
		assertThat(unchanged.body().get("status").asString()).as(unchanged.text()).isEqualTo("COMMITTED");
		assertThat(unchanged.body().get("unchanged").asInt()).isEqualTo(1);
		assertThat(as("province").filing(filing.get("id").asString()).has("revocationProposal"))
			.as("an identical load changes nothing and proposes nothing")
			.isFalse();

		Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
		sheets.put("机构", List.of(row));
		sheets.put("设备", List.of(List.of(creditCode, "ULTRASOUND", 1, "便携超声")));
		Response load = as("province").api.upload("/api/bulk-load/institutions", "equipment.xlsx", workbook(sheets));
		assertThat(load.body().get("status").asString()).as(load.text()).isEqualTo("COMMITTED");
		assertThat(load.body().get("updated").asInt()).isEqualTo(1);

		JsonNode rechecked = as("province").filing(filing.get("id").asString());
		assertThat(rechecked.has("revocationProposal")).as(rechecked.toString()).isTrue();
		assertThat(rechecked.get("revocationProposal").get("reason").asString()).isEqualTo("EQUIPMENT_UNUSABLE");
		JsonNode last = rechecked.get("steps").get(rechecked.get("steps").size() - 1);
		assertThat(last.get("actor").get("name").asString()).isEqualTo("系统自动检查");
		assertThat(this.jdbc
			.sql("select count(*) from platform.event_publication where event_type like '%InstitutionsChanged' "
					+ "and completion_date is null")
			.query(Integer.class)
			.single()).as("every listener of the one event completed").isZero();
	}

}
