package cn.rtms.seeds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.rtms.audit.AuditEntry;
import cn.rtms.audit.AuditTrail;
import cn.rtms.supervision.AlertFinding;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed ledger over HTTP with the demo users (docs/seed-ledger.md): reconciliation per
 * lot and per issue, refusal of negative balances (also by two parallel issues),
 * compensating corrections, decay, counts and their discrepancies, incidents and the
 * emergency plan, radiation-safety records, scope, audit and the RADIATION_SAFETY alerts.
 * Its own Spring context: the alerts it raises would change other tests' counts. The demo
 * filings are on, so the demo ledger of 吉林省松江肿瘤医院 ({@code DemoSeeds}) is loaded too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.test.context=SeedsIT", "rtms.demo-data.filings=true" })
class SeedLedgerIT {

	static final LocalDate TODAY = TestClock.today();

	static final String CLERK = "ccszx-clerk";

	@LocalServerPort
	int port;

	@Autowired
	RadiationSafetyAlerts alerts;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcTemplate jdbc;

	Api as(String user) {
		return Api.as(this.port, user);
	}

	String person(Api api, String name) {
		Response found = api.get("/api/people?q=" + name);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		return found.body().get(0).get("id").asString();
	}

	/** Receives a new lot of I-125 at the clerk's institution and returns its ledger. */
	JsonNode receive(Api clerk, int quantity, String activity, LocalDate calibrated) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("isotope", "I-125");
		body.put("supplier", "原子高科股份有限公司");
		body.put("nmpaApproval", "国药准字H10970153");
		body.put("lotNo", "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
		body.put("quantity", quantity);
		body.put("activityMci", activity);
		body.put("calibrationDate", calibrated.toString());
		body.put("storageLocation", "核医学科粒子储源室 铅柜 A-1");
		body.put("custodianId", person(clerk, "王淑华"));
		Response response = clerk.post("/api/seeds/lots", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.body();
	}

	static Map<String, Object> movement(String kind, int quantity, String issueId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", kind);
		body.put("quantity", quantity);
		if (issueId != null) {
			body.put("issueId", issueId);
		}
		return body;
	}

	static String lotId(JsonNode ledger) {
		return ledger.get("lot").get("id").asString();
	}

	static int inStock(JsonNode ledger) {
		return ledger.get("lot").get("inStock").asInt();
	}

	static JsonNode last(JsonNode ledger) {
		JsonNode movements = ledger.get("movements");
		return movements.get(movements.size() - 1);
	}

	JsonNode move(Api clerk, String lot, Map<String, Object> body) {
		Response response = clerk.post("/api/seeds/lots/" + lot + "/movements", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.body();
	}

	@Test
	void balancesReconcilePerLotAndPerIssueAndEveryMovementIsAudited() {
		Api clerk = as(CLERK);
		JsonNode ledger = receive(clerk, 20, "0.6960", TODAY);
		String lot = lotId(ledger);
		assertThat(inStock(ledger)).isEqualTo(20);
		assertThat(ledger.get("lot").get("received").asInt()).isEqualTo(20);
		assertThat(last(ledger).get("actorName").asString()).isEqualTo("长春市中心医院医务科");

		ledger = move(clerk, lot, movement("ISSUED", 12, null));
		String issue = last(ledger).get("id").asString();
		assertThat(inStock(ledger)).isEqualTo(8);
		assertThat(ledger.get("lot").get("outstanding").asInt()).isEqualTo(12);
		move(clerk, lot, movement("IMPLANTED", 9, issue));
		move(clerk, lot, movement("RETURNED", 2, issue));
		ledger = move(clerk, lot, movement("DISPOSED", 3, null));
		// in stock = received − issued + returned − disposed = 20 − 12 + 2 − 3
		assertThat(inStock(ledger)).isEqualTo(7);
		JsonNode reconciliation = ledger.get("issues").get(0);
		assertThat(reconciliation.get("issued").asInt()).isEqualTo(12);
		assertThat(reconciliation.get("implanted").asInt()).isEqualTo(9);
		assertThat(reconciliation.get("returned").asInt()).isEqualTo(2);
		assertThat(reconciliation.get("outstanding").asInt()).isEqualTo(1);
		ledger = move(clerk, lot, movement("IMPLANTED", 1, issue));
		assertThat(ledger.get("issues").get(0).get("outstanding").asInt()).isZero();
		assertThat(ledger.get("lot").get("outstanding").asInt()).isZero();
		assertThat(ledger.get("movements").size()).isEqualTo(6);

		List<AuditEntry> entries = this.audit.entries("SeedLot", lot, 20);
		assertThat(entries).extracting(AuditEntry::action)
			.containsOnly("SEED_LOT_RECEIVED", "SEED_MOVEMENT_RECORDED")
			.hasSize(6);
		assertThat(entries.getFirst().actorName()).isEqualTo("长春市中心医院医务科");
	}

	@Test
	void aMovementThatWouldMakeABalanceNegativeIsRefusedInChineseAndNothingIsSaved() {
		Api clerk = as(CLERK);
		String lot = lotId(receive(clerk, 5, "0.5", TODAY));
		Response tooMany = clerk.post("/api/seeds/lots/" + lot + "/movements", movement("ISSUED", 6, null));
		assertThat(tooMany.status()).as(tooMany.text()).isEqualTo(422);
		assertThat(tooMany.body().get("code").asString()).isEqualTo("SEED_BALANCE_NEGATIVE");
		assertThat(tooMany.body().get("detail").asString()).contains("库存现有 5 颗").contains("未保存");

		String issue = last(move(clerk, lot, movement("ISSUED", 3, null))).get("id").asString();
		Response overImplanted = clerk.post("/api/seeds/lots/" + lot + "/movements", movement("IMPLANTED", 4, issue));
		assertThat(overImplanted.status()).isEqualTo(422);
		assertThat(overImplanted.body().get("detail").asString()).contains("尚未落实去向的 3 颗");
		Response lostTooMany = clerk.post("/api/seeds/lots/" + lot + "/movements", movement("LOST", 3, null));
		assertThat(lostTooMany.status()).isEqualTo(422);
		Response withoutIssue = clerk.post("/api/seeds/lots/" + lot + "/movements", movement("RETURNED", 1, null));
		assertThat(withoutIssue.status()).isEqualTo(422);
		assertThat(withoutIssue.body().get("code").asString()).isEqualTo("INVALID_SEED_ENTRY");
		Response unknownCase = clerk.post("/api/seeds/lots/" + lot + "/movements",
				Map.of("kind", "IMPLANTED", "quantity", 1, "issueId", issue, "caseId", UUID.randomUUID().toString()));
		assertThat(unknownCase.status()).as(unknownCase.text()).isEqualTo(404);
		assertThat(unknownCase.body().get("code").asString()).isEqualTo("CASE_NOT_FOUND");

		JsonNode ledger = clerk.get("/api/seeds/lots/" + lot).body();
		assertThat(ledger.get("movements").size()).isEqualTo(2);
		Response ancient = clerk.get("/api/seeds/lots/" + lot + "?date=1900-01-01");
		assertThat(ancient.status()).as("an activity a century before calibration is no number").isEqualTo(400);
		assertThat(ancient.body().get("errors").get(0).get("field").asString()).isEqualTo("date");
		assertThat(ancient.body().get("detail").asString()).contains("标定日期");
		assertThat(inStock(ledger)).isEqualTo(2);
		assertThat(ledger.get("issues").get(0).get("outstanding").asInt()).isEqualTo(3);
		assertThat(
				this.jdbc.queryForObject("select count(*) from seeds.incident where lot_id = ?::uuid", Long.class, lot))
			.isZero();
	}

	@Test
	void twoParallelIssuesOfTheSameLotCannotOverdrawIt() throws Exception {
		Api first = as(CLERK);
		Api second = as("ccszx-admin");
		String lot = lotId(receive(first, 10, "0.5", TODAY));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> calls = List.of(
					() -> first.post("/api/seeds/lots/" + lot + "/movements", movement("ISSUED", 6, null)).status(),
					() -> second.post("/api/seeds/lots/" + lot + "/movements", movement("ISSUED", 6, null)).status());
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : pool.invokeAll(calls)) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 422);
		}
		finally {
			pool.shutdown();
		}
		assertThat(inStock(first.get("/api/seeds/lots/" + lot).body())).isEqualTo(4);
	}

	@Test
	void correctionsAreCompensatingEntriesAndTheLedgerRefusesUpdatesAndDeletes() {
		Api clerk = as(CLERK);
		String lot = lotId(receive(clerk, 10, "0.5", TODAY));
		JsonNode ledger = move(clerk, lot, movement("ISSUED", 4, null));
		String issue = last(ledger).get("id").asString();
		move(clerk, lot, movement("IMPLANTED", 3, issue));
		String returned = last(move(clerk, lot, movement("RETURNED", 1, issue))).get("id").asString();
		assertThat(inStock(clerk.get("/api/seeds/lots/" + lot).body())).isEqualTo(7);

		Response corrected = clerk.post("/api/seeds/movements/" + returned + "/corrections", Map.of("reason", "误登记退回"));
		assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
		ledger = corrected.body();
		JsonNode compensation = last(ledger);
		assertThat(compensation.get("sign").asInt()).isEqualTo(-1);
		assertThat(compensation.get("kind").asString()).isEqualTo("RETURNED");
		assertThat(compensation.get("correctsId").asString()).isEqualTo(returned);
		assertThat(compensation.get("note").asString()).isEqualTo("冲正：误登记退回");
		assertThat(ledger.get("movements").get(3).get("correctedById").asString())
			.isEqualTo(compensation.get("id").asString());
		assertThat(inStock(ledger)).isEqualTo(6);
		assertThat(ledger.get("issues").get(0).get("outstanding").asInt()).isEqualTo(1);
		assertThat(ledger.get("movements").size()).isEqualTo(5);

		Response twice = clerk.post("/api/seeds/movements/" + returned + "/corrections", Map.of("reason", "再次"));
		assertThat(twice.status()).isEqualTo(422);
		assertThat(twice.body().get("detail").asString()).contains("已冲正");
		Response ofCompensation = clerk
			.post("/api/seeds/movements/" + compensation.get("id").asString() + "/corrections", Map.of("reason", "再次"));
		assertThat(ofCompensation.status()).isEqualTo(422);
		// cancelling the issue would leave 3 implanted seeds that were never issued
		Response issueCancelled = clerk.post("/api/seeds/movements/" + issue + "/corrections",
				Map.of("reason", "撤销领用"));
		assertThat(issueCancelled.status()).as(issueCancelled.text()).isEqualTo(422);
		assertThat(issueCancelled.body().get("code").asString()).isEqualTo("SEED_BALANCE_NEGATIVE");
		assertThat(issueCancelled.body().get("detail").asString()).startsWith("冲正后");
		assertThat(this.audit.entries("SeedLot", lot, 20)).extracting(AuditEntry::action)
			.contains("SEED_MOVEMENT_CORRECTED");

		assertThatThrownBy(
				() -> this.jdbc.update("update seeds.movement set quantity = 1 where id = ?::uuid", returned))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("只可追加");
		assertThatThrownBy(() -> this.jdbc.update("delete from seeds.movement where lot_id = ?::uuid", lot))
			.isInstanceOf(DataAccessException.class);
		assertThat(clerk.get("/api/seeds/lots/" + lot).body().get("movements").size()).isEqualTo(5);
	}

	/**
	 * 转移: a relocation is an entry of its own (person and time from the session and the
	 * clock), balances unchanged, the lot's place and custodian those of the latest
	 * relocation not cancelled; shown in the export. Before it the lot's place could not
	 * change at all (the kind was refused as unknown).
	 */
	@Test
	void aRelocationIsAnEntryOfItsOwnAndTheLotsPlaceIsTheLatestOne() throws Exception {
		Api clerk = as(CLERK);
		JsonNode received = receive(clerk, 10, "0.5", TODAY);
		String lot = lotId(received);
		String issue = last(move(clerk, lot, movement("ISSUED", 4, null))).get("id").asString();
		String newCustodian = person(clerk, "赵雨桐");
		Map<String, Object> relocation = movement("RELOCATED", 6, null);
		relocation.put("storageLocation", "放疗科储源室 保险柜 B-2");
		relocation.put("custodianId", newCustodian);
		relocation.put("note", "储源室改造，整批转移");

		Map<String, Object> partial = new LinkedHashMap<>(relocation);
		partial.put("quantity", 5);
		Response refused = clerk.post("/api/seeds/lots/" + lot + "/movements", partial);
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.body().get("detail").asString()).contains("整批转移", "6 颗");
		Map<String, Object> nowhere = new LinkedHashMap<>(relocation);
		nowhere.remove("storageLocation");
		assertThat(clerk.post("/api/seeds/lots/" + lot + "/movements", nowhere).body().get("detail").asString())
			.contains("储存位置");
		Map<String, Object> withIssue = movement("IMPLANTED", 1, issue);
		withIssue.put("storageLocation", "别处");
		assertThat(clerk.post("/api/seeds/lots/" + lot + "/movements", withIssue).status()).isEqualTo(422);

		JsonNode ledger = move(clerk, lot, relocation);
		JsonNode entry = last(ledger);
		assertThat(entry.get("kind").asString()).isEqualTo("RELOCATED");
		assertThat(entry.get("kindLabel").asString()).isEqualTo("转移");
		assertThat(entry.get("storageLocation").asString()).isEqualTo("放疗科储源室 保险柜 B-2");
		assertThat(entry.get("custodianName").asString()).isEqualTo("赵雨桐");
		assertThat(entry.get("actorName").asString()).isNotBlank();
		assertThat(java.time.Instant.parse(entry.get("occurredAt").asString()))
			.as("the clock's time (it ticks on from the pinned moment)")
			.isBetween(TestClock.pinned().toInstant(),
					TestClock.pinned().toInstant().plus(java.time.Duration.ofHours(3)));
		assertThat(inStock(ledger)).as("balances unchanged").isEqualTo(6);
		assertThat(ledger.get("lot").get("received").asInt()).isEqualTo(10);
		assertThat(ledger.get("issues").get(0).get("outstanding").asInt()).isEqualTo(4);
		assertThat(ledger.get("lot").get("storageLocation").asString()).isEqualTo("放疗科储源室 保险柜 B-2");
		assertThat(ledger.get("lot").get("custodianId").asString()).isEqualTo(newCustodian);
		assertThat(ledger.get("lot").get("custodianName").asString()).isEqualTo("赵雨桐");
		assertThat(this.audit.entries("SeedLot", lot, 20)).extracting(AuditEntry::action)
			.contains("SEED_MOVEMENT_RECORDED");
		Response same = clerk.post("/api/seeds/lots/" + lot + "/movements", relocation);
		assertThat(same.status()).isEqualTo(422);
		assertThat(same.body().get("detail").asString()).contains("无需转移");

		byte[] xlsx = download(clerk, "/api/seeds/ledger.xlsx");
		List<Map<Integer, String>> rows = cn.idev.excel.FastExcel.read(new java.io.ByteArrayInputStream(xlsx))
			.sheet("粒子台账")
			.headRowNumber(0)
			.doReadSync();
		Map<Integer, String> head = rows.get(0);
		int kindColumn = column(head, "变动");
		int toColumn = column(head, "转移至储存位置");
		int currentColumn = column(head, "当前储存位置");
		int lotColumn = column(head, "批号");
		String lotNo = ledger.get("lot").get("lotNo").asString();
		assertThat(rows).filteredOn(r -> lotNo.equals(r.get(lotColumn)) && "转移".equals(r.get(kindColumn)))
			.singleElement()
			.satisfies(r -> assertThat(r.get(toColumn)).isEqualTo("放疗科储源室 保险柜 B-2"));
		assertThat(rows).filteredOn(r -> lotNo.equals(r.get(lotColumn)))
			.allSatisfy(r -> assertThat(r.get(currentColumn)).isEqualTo("放疗科储源室 保险柜 B-2"));

		Response cancelled = clerk.post("/api/seeds/movements/" + entry.get("id").asString() + "/corrections",
				Map.of("reason", "转移登记错批次"));
		assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(201);
		JsonNode after = cancelled.body();
		assertThat(last(after).get("kind").asString()).isEqualTo("RELOCATED");
		assertThat(last(after).get("sign").asInt()).isEqualTo(-1);
		assertThat(inStock(after)).isEqualTo(6);
		assertThat(after.get("lot").get("storageLocation").asString()).as("back to the receipt's place")
			.isEqualTo(received.get("lot").get("storageLocation").asString());
		assertThat(after.get("lot").get("custodianName").asString()).isEqualTo("王淑华");
		assertThatThrownBy(() -> this.jdbc.update("update seeds.movement set storage_location = 'x' where id = ?::uuid",
				entry.get("id").asString()))
			.isInstanceOf(DataAccessException.class);
	}

	static int column(Map<Integer, String> head, String name) {
		return head.entrySet()
			.stream()
			.filter(e -> name.equals(e.getValue()))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no column " + name + " in " + head));
	}

	byte[] download(Api session, String path) throws Exception {
		java.net.http.HttpRequest request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
			.header("Cookie", "JSESSIONID=" + session.cookie("JSESSIONID"))
			.GET()
			.build();
		java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@Test
	void activityDecaysFromTheCalibrationDateWithTheIsotopesHalfLife() {
		Api clerk = as(CLERK);
		Response isotopes = clerk.get("/api/seeds/isotopes");
		assertThat(isotopes.body().get(0).get("code").asString()).isEqualTo("I-125");
		assertThat(isotopes.body().get(0).get("halfLifeDays").decimalValue()).isEqualByComparingTo("59.4");
		JsonNode ledger = receive(clerk, 10, "0.696", TODAY.minusDays(30));
		// 0.696 · 2^(−30 / 59.4)
		assertThat(ledger.get("lot").get("activityToday").decimalValue()).isEqualByComparingTo("0.4904");
		JsonNode onCalibration = clerk.get("/api/seeds/lots/" + lotId(ledger) + "?date=" + TODAY.minusDays(30)).body();
		assertThat(onCalibration.get("activityOnDate").decimalValue()).isEqualByComparingTo("0.6960");
		JsonNode halfLifeLater = clerk
			.get("/api/seeds/lots/" + lotId(ledger) + "?date=" + TODAY.minusDays(30).plusDays(59))
			.body();
		assertThat(halfLifeLater.get("activityOnDate").decimalValue().doubleValue()).isBetween(0.349, 0.351);
	}

	@Test
	void aCountThatDoesNotMatchIsFlaggedAndAnOverdueCountRaisesAnAlert() {
		Api clerk = as(CLERK);
		JsonNode ledger = receive(clerk, 8, "0.5", TODAY);
		String lot = lotId(ledger);
		UUID institution = UUID.fromString(ledger.get("lot").get("institutionId").asString());
		Response count = clerk.post("/api/seeds/lots/" + lot + "/counts", Map.of("counted", 7, "note", "季度盘点"));
		assertThat(count.status()).as(count.text()).isEqualTo(201);
		assertThat(count.body().get("expected").asInt()).isEqualTo(8);
		assertThat(count.body().get("discrepancy").asInt()).isEqualTo(-1);
		assertThat(clerk.get("/api/seeds/lots/" + lot).body().get("lot").get("lastDiscrepancy").asInt()).isEqualTo(-1);
		assertThat(keys(institution, TODAY)).contains("SEEDS:DISCREPANCY:" + lot)
			.doesNotContain("SEEDS:COUNT_OVERDUE:" + lot);

		assertThat(clerk.post("/api/seeds/lots/" + lot + "/counts", Map.of("counted", 8)).status()).isEqualTo(201);
		assertThat(keys(institution, TODAY)).doesNotContain("SEEDS:DISCREPANCY:" + lot);
		assertThat(keys(institution, TODAY.plusMonths(6))).doesNotContain("SEEDS:COUNT_OVERDUE:" + lot);
		assertThat(keys(institution, TODAY.plusMonths(6).plusDays(1))).contains("SEEDS:COUNT_OVERDUE:" + lot);
		Response negative = clerk.post("/api/seeds/lots/" + lot + "/counts", Map.of("counted", -1));
		assertThat(negative.status()).isEqualTo(400);
	}

	@Test
	void aLossOpensAnIncidentWorkedThroughTheEmergencyPlanAndSeenByTheAuthority() {
		Api clerk = as(CLERK);
		JsonNode ledger = receive(clerk, 6, "0.5", TODAY);
		String lot = lotId(ledger);
		UUID institution = UUID.fromString(ledger.get("lot").get("institutionId").asString());
		String issue = last(move(clerk, lot, movement("ISSUED", 4, null))).get("id").asString();
		move(clerk, lot, movement("IMPLANTED", 3, issue));
		ledger = move(clerk, lot, movement("LOST", 1, issue));
		assertThat(ledger.get("issues").get(0).get("lost").asInt()).isEqualTo(1);
		assertThat(ledger.get("issues").get(0).get("outstanding").asInt()).isZero();
		assertThat(inStock(ledger)).isEqualTo(2);

		JsonNode incident = incidentOf(as("changchun"), lot);
		assertThat(incident).as("市卫健委可见辖区内未关闭的事件").isNotNull();
		assertThat(incident.get("kind").asString()).isEqualTo("LOST");
		assertThat(incident.get("steps")).hasSize(5);
		assertThat(incident.get("steps").get(0).get("label").asString()).isEqualTo("立即报告");
		assertThat(incidentOf(as("meihekou"), lot)).as("辖区外的卫健委不可见").isNull();
		String id = incident.get("id").asString();
		assertThat(keys(institution, TODAY)).contains("SEEDS:INCIDENT:" + id);

		Response closeFirst = clerk.post("/api/seeds/incidents/" + id + "/steps/CLOSE", Map.of());
		assertThat(closeFirst.status()).isEqualTo(422);
		assertThat(closeFirst.body().get("detail").asString()).contains("立即报告");
		assertThat(as("changchun").post("/api/seeds/incidents/" + id + "/steps/REPORT", Map.of()).status())
			.isEqualTo(403);
		for (String step : List.of("REPORT", "ISOLATE", "SEARCH", "MONITOR")) {
			Response done = clerk.post("/api/seeds/incidents/" + id + "/steps/" + step, Map.of("note", "已完成" + step));
			assertThat(done.status()).as(done.text()).isEqualTo(200);
		}
		JsonNode closed = clerk.post("/api/seeds/incidents/" + id + "/steps/CLOSE", Map.of("note", "未找到，已报告公安")).body();
		assertThat(closed.get("closedAt")).isNotNull();
		assertThat(closed.get("steps").get(0).get("actorName").asString()).isEqualTo("长春市中心医院医务科");
		assertThat(closed.get("steps").get(0).get("done").asBoolean()).isTrue();
		assertThat(incidentOf(as("changchun"), lot)).isNull();
		assertThat(keys(institution, TODAY)).doesNotContain("SEEDS:INCIDENT:" + id);
	}

	/**
	 * A loss entered by mistake and cancelled (冲正) closes its incident as cancelled with
	 * the correction's reason: the authority's alert ends without the hospital ticking
	 * every emergency step (reporting a loss to the police that never happened), and the
	 * incident stays listed, marked as cancelled. Fails if the correction left the
	 * incident open.
	 */
	@Test
	void cancellingAMistakenLossClosesItsIncidentAsCancelled() {
		Api clerk = as(CLERK);
		JsonNode ledger = receive(clerk, 5, "0.5", TODAY);
		String lot = lotId(ledger);
		UUID institution = UUID.fromString(ledger.get("lot").get("institutionId").asString());
		String issue = last(move(clerk, lot, movement("ISSUED", 3, null))).get("id").asString();
		String lost = last(move(clerk, lot, movement("LOST", 1, issue))).get("id").asString();
		String id = incidentOf(as("changchun"), lot).get("id").asString();
		assertThat(keys(institution, TODAY)).contains("SEEDS:INCIDENT:" + id);

		Response corrected = clerk.post("/api/seeds/movements/" + lost + "/corrections", Map.of("reason", "误将退回登记为丢失"));
		assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
		assertThat(incidentOf(as("changchun"), lot)).as("no longer among the open incidents").isNull();
		assertThat(keys(institution, TODAY)).doesNotContain("SEEDS:INCIDENT:" + id);
		JsonNode all = clerk.get("/api/seeds/incidents").body();
		JsonNode cancelled = null;
		for (JsonNode incident : all) {
			if (incident.get("id").asString().equals(id)) {
				cancelled = incident;
			}
		}
		assertThat(cancelled).isNotNull();
		assertThat(cancelled.get("closedAt").isNull()).isFalse();
		assertThat(cancelled.get("cancelledReason").asString()).isEqualTo("冲正：误将退回登记为丢失");
		Response tick = clerk.post("/api/seeds/incidents/" + id + "/steps/REPORT", Map.of("note", "x"));
		assertThat(tick.status()).isEqualTo(422);
		assertThat(tick.body().get("detail").asString()).contains("已冲正");
	}

	@Test
	void hospitalsRecordOnlyTheirOwnLedgerAndAuthoritiesReadTheirRegion() {
		Api clerk = as(CLERK);
		String lot = lotId(receive(clerk, 4, "0.5", TODAY));
		Api other = as("songjiang-clerk");
		assertThat(other.get("/api/seeds/lots/" + lot).status()).isEqualTo(403);
		assertThat(other.post("/api/seeds/lots/" + lot + "/movements", movement("ISSUED", 1, null)).status())
			.isEqualTo(403);
		assertThat(other.get("/api/seeds/lots").body().findValuesAsString("id")).doesNotContain(lot);
		assertThat(as("meihekou").get("/api/seeds/lots/" + lot).status()).isEqualTo(403);
		assertThat(as("doctor-wang").get("/api/seeds/lots").status()).isEqualTo(403);
		assertThat(as("changchun").get("/api/seeds/lots/" + lot).status()).isEqualTo(200);
		assertThat(as("changchun").post("/api/seeds/lots/" + lot + "/movements", movement("ISSUED", 1, null)).status())
			.isEqualTo(403);
		assertThat(as("admin").get("/api/seeds/lots/" + lot).status()).isEqualTo(200);
		assertThat(inStock(clerk.get("/api/seeds/lots/" + lot).body())).isEqualTo(4);
	}

	@Test
	void trainingsHealthExaminationsAndLicencesDueRaiseAlerts() {
		Api clerk = as(CLERK);
		String wang = person(clerk, "王淑华");
		Map<String, Object> training = new LinkedHashMap<>();
		training.put("kind", "TRAINING");
		training.put("personId", wang);
		training.put("doneOn", TODAY.minusYears(2).plusDays(10).toString());
		training.put("reference", "FH-2024-0031");
		training.put("conclusion", "合格");
		Response saved = clerk.post("/api/seeds/safety-records", training);
		assertThat(saved.status()).as(saved.text()).isEqualTo(201);
		assertThat(saved.body().get("dueOn").asString()).isEqualTo(TODAY.plusDays(10).toString());
		assertThat(saved.body().get("state").asString()).isEqualTo("DUE_SOON");
		Map<String, Object> exam = new LinkedHashMap<>(Map.of("kind", "HEALTH_EXAM", "personId", wang, "doneOn",
				TODAY.minusYears(1).toString(), "dueOn", TODAY.minusDays(1).toString()));
		assertThat(clerk.post("/api/seeds/safety-records", exam).body().get("state").asString()).isEqualTo("OVERDUE");
		Map<String, Object> tooLate = new LinkedHashMap<>(exam);
		tooLate.put("dueOn", TODAY.plusYears(2).toString());
		Response refused = clerk.post("/api/seeds/safety-records", tooLate);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("detail").asString()).contains("不超过 24 个月");

		String institutionId = receive(clerk, 1, "0.5", TODAY).get("lot").get("institutionId").asString();
		UUID institution = UUID.fromString(institutionId);
		JsonNode records = clerk.get("/api/seeds/safety-records?institutionId=" + institutionId).body();
		assertThat(records.findValuesAsString("kind")).contains("TRAINING", "HEALTH_EXAM", "RADIOLOGY",
				"RADIATION_SAFETY");
		List<AlertFinding> findings = this.alerts.findings(Set.of(institution), TODAY);
		assertThat(findings).extracting(AlertFinding::key)
			.contains("SEEDS:TRAINING:" + wang, "SEEDS:HEALTH_EXAM:" + wang);
		assertThat(findings).filteredOn(f -> f.key().equals("SEEDS:HEALTH_EXAM:" + wang))
			.singleElement()
			.satisfies(f -> assertThat(f.title()).isEqualTo("王淑华的职业健康检查已过期"));
		// licences: as the institution's record holds them, due within 60 days or past
		for (JsonNode licence : records) {
			if (licence.get("id") == null) {
				String key = "SEEDS:LICENCE:" + licence.get("kind").asString() + ":" + institutionId;
				boolean due = !"OK".equals(licence.get("state").asString());
				assertThat(findings.stream().anyMatch(f -> f.key().equals(key))).as(key).isEqualTo(due);
			}
		}
		JsonNode safetyLicence = null;
		for (JsonNode record : records) {
			if ("RADIATION_SAFETY".equals(record.get("kind").asString())) {
				safetyLicence = record;
			}
		}
		assertThat(safetyLicence).isNotNull();
		LocalDate until = LocalDate.parse(safetyLicence.get("dueOn").asString());
		assertThat(keys(institution, until.minusDays(61)))
			.doesNotContain("SEEDS:LICENCE:RADIATION_SAFETY:" + institutionId);
		assertThat(keys(institution, until.minusDays(59))).contains("SEEDS:LICENCE:RADIATION_SAFETY:" + institutionId);
		assertThat(keys(institution, until.plusDays(1))).contains("SEEDS:LICENCE:RADIATION_SAFETY:" + institutionId);
		assertThat(as("songjiang-clerk").get("/api/seeds/safety-records?institutionId=" + institutionId).status())
			.isEqualTo(403);
	}

	/**
	 * The reminders page (到期提醒) lists the radiation-safety due dates through the
	 * authorization module's DueDateSource: a person's training due in 20 days, the
	 * institution's environmental inspection due in 45 days, each once (the latest
	 * record), in the hospital's scope only; the radiation licences are there from the
	 * institution's record. Before, only authorizations and licences were listed.
	 */
	@Test
	void theRemindersPageListsTheRadiationSafetyDueDates() {
		Api clerk = as(CLERK);
		String zhao = person(clerk, "赵雨桐");
		Map<String, Object> older = new LinkedHashMap<>(Map.of("kind", "TRAINING", "personId", zhao, "doneOn",
				TODAY.minusYears(2).plusDays(5).toString(), "reference", "FH-OLD"));
		assertThat(clerk.post("/api/seeds/safety-records", older).status()).isEqualTo(201);
		Map<String, Object> training = new LinkedHashMap<>(Map.of("kind", "TRAINING", "personId", zhao, "doneOn",
				TODAY.minusYears(2).plusDays(20).toString(), "reference", "FH-REMIND-1"));
		assertThat(clerk.post("/api/seeds/safety-records", training).status()).isEqualTo(201);
		Map<String, Object> inspection = new LinkedHashMap<>(Map.of("kind", "ENV_INSPECTION", "doneOn",
				TODAY.minusMonths(1).toString(), "dueOn", TODAY.plusDays(45).toString(), "reference", "HJ-REMIND-1"));
		assertThat(clerk.post("/api/seeds/safety-records", inspection).status()).isEqualTo(201);

		Response page = clerk.get("/api/reminders?days=90");
		assertThat(page.status()).as(page.text()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		page.body().get("buckets").forEach(b -> b.get("items").forEach(items::add));
		List<JsonNode> trainings = items.stream()
			.filter(i -> "RADIATION_SAFETY".equals(i.get("kind").asString())
					&& zhao.equals(i.get("subjectId").asString()) && "放射防护培训".equals(i.get("kindLabel").asString()))
			.toList();
		assertThat(trainings).as("the latest training only").hasSize(1);
		assertThat(trainings.get(0).get("what").asString()).contains("FH-REMIND-1");
		assertThat(trainings.get(0).get("expiresOn").asString()).isEqualTo(TODAY.plusDays(20).toString());
		assertThat(trainings.get(0).get("bucket").asInt()).isEqualTo(30);
		assertThat(trainings.get(0).get("subjectType").asString()).isEqualTo("PERSON");
		assertThat(items).filteredOn(i -> i.get("what").asString().contains("HJ-REMIND-1"))
			.singleElement()
			.satisfies(i -> {
				assertThat(i.get("kindLabel").asString()).isEqualTo("生态环境部门环境检查");
				assertThat(i.get("subjectType").asString()).isEqualTo("INSTITUTION");
				assertThat(i.get("bucket").asInt()).isEqualTo(60);
			});
		assertThat(clerk.get("/api/reminders?days=30").body().toString()).doesNotContain("HJ-REMIND-1");
		assertThat(as("songjiang-clerk").get("/api/reminders?days=90").body().toString())
			.as("another hospital's reminders")
			.doesNotContain("FH-REMIND-1", "HJ-REMIND-1");
		assertThat(as("changchun").get("/api/reminders?days=90").body().toString()).as("the city over the hospital")
			.contains("FH-REMIND-1", "HJ-REMIND-1");
	}

	/**
	 * A G07 case shows its ledger entries: the issue and implant linked to it and the
	 * return (and its correction) of that issue, not another issue's; read with the
	 * case's own scope. The endpoint did not exist before.
	 */
	@Test
	void aCaseShowsItsLedgerEntriesInTheCasesOwnScope() {
		Api clerk = as(CLERK);
		JsonNode received = receive(clerk, 10, "0.5", TODAY);
		String lot = lotId(received);
		String institutionId = received.get("lot").get("institutionId").asString();
		UUID caseId = UUID.randomUUID();
		this.jdbc.update(
				"""
						insert into cases.case_report (id, institution_id, institution_region_code, technology, form_key, status,
						  medical_record_no, patient_pseudonym, created_at, created_by, updated_at)
						select ?, id, region_code, 'G07', 'G07-2022', 'DRAFT', ?, 'P-SEEDCASE', now(), ?, now()
						from institutions.institution where id = ?::uuid""",
				caseId, "BA-SEED-" + caseId.toString().substring(0, 8), UUID.randomUUID(), institutionId);
		Map<String, Object> issued = movement("ISSUED", 4, null);
		issued.put("caseId", caseId.toString());
		String issue = last(move(clerk, lot, issued)).get("id").asString();
		Map<String, Object> implanted = movement("IMPLANTED", 3, issue);
		implanted.put("caseId", caseId.toString());
		move(clerk, lot, implanted);
		String returned = last(move(clerk, lot, movement("RETURNED", 1, issue))).get("id").asString();
		assertThat(clerk.post("/api/seeds/movements/" + returned + "/corrections", Map.of("reason", "退回数量有误")).status())
			.isEqualTo(201);
		move(clerk, lot, movement("ISSUED", 2, null));

		Response entries = clerk.get("/api/cases/" + caseId + "/seed-entries");
		assertThat(entries.status()).as(entries.text()).isEqualTo(200);
		List<String> kinds = new ArrayList<>();
		entries.body()
			.forEach(
					e -> kinds.add(e.get("kind").asString() + " " + e.get("sign").asInt() * e.get("quantity").asInt()));
		assertThat(kinds).containsExactly("ISSUED 4", "IMPLANTED 3", "RETURNED 1", "RETURNED -1");
		JsonNode first = entries.body().get(0);
		assertThat(first.get("lotNo").asString()).isEqualTo(received.get("lot").get("lotNo").asString());
		assertThat(first.get("linked").asBoolean()).isTrue();
		assertThat(entries.body().get(2).get("linked").asBoolean()).as("the return belongs to the linked issue")
			.isFalse();
		assertThat(entries.body().get(2).get("correctedById").asString())
			.isEqualTo(entries.body().get(3).get("id").asString());

		assertThat(as("songjiang-clerk").get("/api/cases/" + caseId + "/seed-entries").status())
			.as("outside the case's scope")
			.isEqualTo(403);
		assertThat(clerk.get("/api/cases/" + UUID.randomUUID() + "/seed-entries").status()).isEqualTo(404);
	}

	@Test
	void theDemoLedgerOfSongjiangReconciles() {
		Api songjiang = as("songjiang-clerk");
		JsonNode demo = null;
		for (JsonNode lot : songjiang.get("/api/seeds/lots").body()) {
			if ("I125-DEMO-01".equals(lot.get("lotNo").asString())) {
				demo = lot;
			}
		}
		assertThat(demo).as("演示批次").isNotNull();
		// 100 received − 40 issued + 3 returned; the issue: 36 implanted + 3 returned + 1
		// lost
		assertThat(demo.get("inStock").asInt()).isEqualTo(63);
		assertThat(demo.get("outstanding").asInt()).isZero();
		assertThat(demo.get("lastDiscrepancy").asInt()).isZero();
		JsonNode incidents = songjiang.get("/api/seeds/incidents?open=true").body();
		assertThat(incidents.findValuesAsString("lotNo")).contains("I125-DEMO-01");
	}

	private List<String> keys(UUID institution, LocalDate day) {
		return this.alerts.findings(Set.of(institution), day).stream().map(AlertFinding::key).toList();
	}

	private static JsonNode incidentOf(Api api, String lot) {
		Response response = api.get("/api/seeds/incidents?open=true");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		for (JsonNode incident : response.body()) {
			if (incident.get("lotId").asString().equals(lot)) {
				return incident;
			}
		}
		return null;
	}

}
