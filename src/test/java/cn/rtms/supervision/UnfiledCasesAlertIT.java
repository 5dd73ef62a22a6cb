package cn.rtms.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseManagement;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.UserManagement;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unfiled practice a hospital reported itself (docs/supervision.md): submitted cases of
 * the last 12 months flagged 未备案开展 raise one alert per hospital — without any discharge
 * abstract — with the count, the technologies and the filtered case list as evidence,
 * seen by the hospital and the authorities over it; a case older than 12 months does not
 * count. Own context: it imports cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.test.context=UnfiledCasesAlertIT", "rtms.cases.registry-start=2024-01-01" })
class UnfiledCasesAlertIT {

	static final LocalDate TODAY = TestClock.today();

	@LocalServerPort
	int port;

	@Autowired
	CaseManagement cases;

	@Autowired
	UserManagement users;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PersonnelManagement people;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void casesReportedWithoutAnActiveFilingRaiseAnUnfiledPracticeAlert() {
		UUID jiangcheng = this.users.actingAs("jiangcheng-clerk",
				(Supplier<UUID>) () -> this.identity.currentUser().institutionId());
		UUID operator = this.users.actingAs("admin",
				(Supplier<UUID>) () -> this.people.atInstitution(jiangcheng)
					.stream()
					.filter(p -> p.name().equals("吴国庆"))
					.findFirst()
					.orElseThrow()
					.id());
		importCase(jiangcheng, operator, "UNF-1", TODAY.minusDays(30));
		importCase(jiangcheng, operator, "UNF-2", TODAY.minusDays(200));
		// more than one page of the case list (500): the evidence counts them all
		List<CaseInput> many = new java.util.ArrayList<>();
		for (int i = 0; i < 501; i++) {
			many.add(input(operator, "UNF-BULK-" + i, TODAY.minusDays(40 + (i % 300))));
		}
		this.transactions.execute(status -> this.users.actingAs("jiangcheng-clerk",
				() -> this.cases.importSubmitted(jiangcheng, many, "IMPORT")));
		// more than 12 months back: not counted
		importCase(jiangcheng, operator, "UNF-3", TODAY.minusYears(1).minusDays(1));

		Api province = Api.as(this.port, "province");
		Response refreshed = province.post("/api/alerts/refresh", Map.of());
		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
		assertThat(refreshed.body().get("failures").size()).as(refreshed.text()).isZero();

		JsonNode alert = SupervisionIT.alert(province, "DISCHARGE_SCAN", "未备案开展限制类技术（病例登记）");
		assertThat(alert.get("title").asString()).startsWith("吉林市江城医院");
		assertThat(alert.get("severity").asString()).isEqualTo("HIGH");
		assertThat(alert.get("message").asString()).contains("503 例", "未备案开展");
		assertThat(alert.at("/evidence/facts/0/value").asString()).isEqualTo("503");
		assertThat(alert.at("/evidence/items/0/title").asString()).contains("肿瘤消融");
		assertThat(alert.at("/evidence/items/0/actual").asString()).as("per technology, all of them").isEqualTo("503");
		assertThat(alert.at("/evidence/link").asString()).isEqualTo("/cases?institutionId=" + jiangcheng
				+ "&status=SUBMITTED&flag=UNFILED&from=" + TODAY.minusYears(1).plusDays(1) + "&to=" + TODAY);
		// the hospital sees its own; 吉林市 is not 长春市
		assertThat(Api.as(this.port, "jiangcheng-clerk").get("/api/alerts?kind=DISCHARGE_SCAN").text())
			.contains("未备案开展限制类技术（病例登记）");
		assertThat(Api.as(this.port, "changchun").get("/api/alerts?kind=DISCHARGE_SCAN").text()).doesNotContain("江城");
	}

	void importCase(UUID institution, UUID operator, String recordNo, LocalDate operation) {
		CaseInput input = input(operator, recordNo, operation);
		this.transactions.execute(status -> this.users.actingAs("jiangcheng-clerk",
				() -> this.cases.importSubmitted(institution, List.of(input), "IMPORT")));
	}

	static CaseInput input(UUID operator, String recordNo, LocalDate operation) {
		return SupervisionIT.ablation(operator, recordNo, operation, "肿瘤科");
	}

}
