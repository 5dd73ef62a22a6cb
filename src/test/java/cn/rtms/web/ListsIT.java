package cn.rtms.web;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import cn.rtms.web.ListsSupport.Export;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.rtms.web.ListsSupport.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists that scale (docs/lists.md) with the demo data: institutions, people, the
 * authorization ledger and the audit trail paged, sorted and filtered on the server, an
 * unknown sort key refused, each list and its export restricted to the caller's scope.
 * (Filings, which need the demo filings, are in {@code FilingListsIT}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListsIT {

	private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

	@LocalServerPort
	int port;

	Api as(String user) {
		return Api.as(this.port, user);
	}

	static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.body();
	}

	static void unknownSort(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.body().get("code").asString()).isEqualTo("UNKNOWN_SORT_KEY");
		assertThat(response.body().get("detail").asString()).contains("不支持按").contains("排序");
	}

	static List<String> sortedChinese(List<String> values, boolean descending) {
		List<String> sorted = new ArrayList<>(values);
		sorted.sort(descending ? CHINESE.reversed() : CHINESE);
		return sorted;
	}

	@Test
	void institutionsPageSortAndFilterOnTheServer() {
		Api admin = as("admin");
		JsonNode first = ok(admin.get("/api/institutions/page?size=4&sort=name,asc"));
		assertThat(first.get("items")).hasSize(4);
		assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(11);
		assertThat(first.get("sort").asString()).isEqualTo("name,asc");
		JsonNode second = ok(admin.get("/api/institutions/page?size=4&page=1&sort=name,asc"));
		List<String> names = new ArrayList<>(values(first, "name"));
		names.addAll(values(second, "name"));
		assertThat(names).doesNotHaveDuplicates().isEqualTo(sortedChinese(names, false));

		JsonNode desc = ok(admin.get("/api/institutions/page?size=200&sort=name,desc"));
		assertThat(values(desc, "name")).isEqualTo(sortedChinese(values(desc, "name"), true));
		assertThat(desc.get("total").asLong()).isEqualTo(first.get("total").asLong());

		JsonNode tertiary = ok(admin.get("/api/institutions/page?level=TERTIARY&size=200"));
		assertThat(values(tertiary, "level")).isNotEmpty().allMatch(l -> l.startsWith("TERTIARY"));
		assertThat(values(tertiary, "name")).contains("长春市中心医院").doesNotContain("四平市英城医院");
		JsonNode inChangchun = ok(admin.get("/api/institutions/page?regionCode=220100&size=200"));
		assertThat(values(inChangchun, "regionCode")).isNotEmpty().allMatch(c -> c.startsWith("2201"));
		JsonNode named = ok(admin.get("/api/institutions/page?q=江城"));
		assertThat(values(named, "name")).containsExactly("吉林市江城医院");

		JsonNode huge = ok(admin.get("/api/institutions/page?size=100000&page=-3"));
		assertThat(huge.get("size").asInt()).isEqualTo(ListQuery.MAX_SIZE);
		assertThat(huge.get("page").asInt()).isZero();

		unknownSort(admin.get("/api/institutions/page?sort=password"));
		unknownSort(admin.get("/api/institutions/page?sort=name,sideways"));
	}

	@Test
	void institutionsAndTheirExportStayInScope() throws Exception {
		JsonNode clerk = ok(as("ccszx-clerk").get("/api/institutions/page"));
		assertThat(values(clerk, "name")).containsExactly("长春市中心医院");
		assertThat(ok(as("jiangcheng-clerk").get("/api/institutions/page")).get("items").get(0).get("name").asString())
			.isEqualTo("吉林市江城医院");

		Api changchun = as("changchun");
		JsonNode city = ok(changchun.get("/api/institutions/page?size=200"));
		assertThat(values(city, "regionCode")).isNotEmpty().allMatch(c -> c.startsWith("2201"));
		assertThat(values(city, "name")).contains("长春市中心医院").doesNotContain("吉林市江城医院", "梅河口市梅源医院");
		JsonNode meihekou = ok(as("meihekou").get("/api/institutions/page?size=200"));
		assertThat(values(meihekou, "name")).contains("梅河口市梅源医院").doesNotContain("长春市中心医院");

		Export export = ListsSupport.export(this.port, changchun, "/api/institutions/export.xlsx?sort=name,desc");
		assertThat(export.status()).as(export.text()).isEqualTo(200);
		assertThat(export.rows().get(0)).containsExactly("机构名称", "所在行政区划", "区划代码", "级别", "类别", "床位数");
		assertThat(export.column("机构名称")).isEqualTo(sortedChinese(values(city, "name"), true));
		assertThat(export.column("级别")).contains("三级甲等");
		Export filtered = ListsSupport.export(this.port, changchun, "/api/institutions/export.xlsx?q=中心");
		assertThat(filtered.column("机构名称")).containsExactly("长春市中心医院");
		Export refused = ListsSupport.export(this.port, changchun, "/api/institutions/export.xlsx?sort=nope");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("UNKNOWN_SORT_KEY");
	}

	@Test
	void peoplePagedSortedFilteredAndScoped() throws Exception {
		Api clerk = as("ccszx-clerk");
		JsonNode own = ok(clerk.get("/api/people/page?size=200&sort=name,desc"));
		assertThat(own.get("total").asLong()).isPositive();
		assertThat(values(own, "institutionName")).allMatch("长春市中心医院"::equals);
		assertThat(values(own, "name")).isEqualTo(sortedChinese(values(own, "name"), true));
		JsonNode small = ok(clerk.get("/api/people/page?size=2&sort=name,desc"));
		assertThat(small.get("items")).hasSize(Math.min(2, (int) own.get("total").asLong()));
		assertThat(values(small, "name")).isEqualTo(values(own, "name").subList(0, small.get("items").size()));
		JsonNode physicians = ok(clerk.get("/api/people/page?role=PHYSICIAN&size=200"));
		assertThat(physicians.get("items")).allMatch(p -> p.get("roles").toString().contains("PHYSICIAN"));
		unknownSort(clerk.get("/api/people/page?sort=salary"));

		JsonNode otherHospital = ok(as("jiangcheng-clerk").get("/api/people/page?size=200"));
		assertThat(values(otherHospital, "institutionName")).isNotEmpty().allMatch("吉林市江城医院"::equals);

		Api changchun = as("changchun");
		JsonNode city = ok(changchun.get("/api/people/page?size=200"));
		assertThat(values(city, "institutionName")).contains("长春市中心医院").doesNotContain("吉林市江城医院", "梅河口市梅源医院");
		JsonNode meihekou = ok(as("meihekou").get("/api/people/page?size=200"));
		assertThat(values(meihekou, "institutionName")).doesNotContain("长春市中心医院");

		Export export = ListsSupport.export(this.port, clerk, "/api/people/export.xlsx?sort=name,desc");
		assertThat(export.status()).as(export.text()).isEqualTo(200);
		assertThat(export.rows().get(0)).containsExactly("姓名", "人员类别", "现任职称", "所在医疗机构");
		assertThat(export.column("姓名")).isEqualTo(values(own, "name"));
		assertThat(export.column("所在医疗机构")).allMatch("长春市中心医院"::equals);
	}

	/**
	 * Applies (pending) for a physician of the clerk's hospital whom the other ITs leave
	 * alone.
	 */
	void apply(Api clerk, java.time.LocalDate until) {
		JsonNode physicians = ok(clerk.get("/api/people/page?role=PHYSICIAN&size=200&sort=name,desc"));
		String person = null;
		for (JsonNode p : physicians.get("items")) {
			if (!List.of("刘建国", "张海涛", "王淑华", "李明哲", "赵雨桐").contains(p.get("name").asString())) {
				person = p.get("id").asString();
				break;
			}
		}
		if (person == null && !physicians.get("items").isEmpty()) {
			person = physicians.get("items").get(0).get("id").asString();
		}
		assertThat(person).as("a physician at the clerk's hospital").isNotNull();
		Response created = clerk.post("/api/authorizations",
				java.util.Map.of("personId", person, "technology", "G08", "subTechniques", List.of("RFA"), "validFrom",
						TestClock.today().toString(), "validUntil", until.toString()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
	}

	@Test
	void authorizationLedgerPagedSortedFilteredAndScoped() throws Exception {
		apply(as("ccszx-clerk"), TestClock.today().plusYears(2));
		apply(as("jiangcheng-clerk"), TestClock.today().plusYears(1));
		Api admin = as("admin");
		JsonNode all = ok(admin.get("/api/authorizations/page?size=200&sort=validUntil,asc"));
		assertThat(all.get("total").asLong()).isPositive();
		List<String> until = values(all, "validUntil");
		assertThat(until).isSorted();
		JsonNode pending = ok(admin.get("/api/authorizations/page?status=PENDING&size=200"));
		assertThat(values(pending, "status")).isNotEmpty().allMatch("PENDING"::equals);
		String someone = values(all, "personName").get(0);
		JsonNode byName = ok(admin.get("/api/authorizations/page?size=200&q=" + someone));
		assertThat(values(byName, "personName")).isNotEmpty().allMatch(n -> n.contains(someone));
		String day = until.get(until.size() / 2);
		JsonNode window = ok(admin.get("/api/authorizations/page?size=200&expiresFrom=" + day + "&expiresTo=" + day));
		assertThat(values(window, "validUntil")).isNotEmpty().allMatch(day::equals);
		unknownSort(admin.get("/api/authorizations/page?sort=createdBy"));

		Api clerk = as("ccszx-clerk");
		JsonNode own = ok(clerk.get("/api/authorizations/page?size=200"));
		assertThat(values(own, "institutionName")).allMatch("长春市中心医院"::equals);
		assertThat(values(own, "institutionName")).isNotEmpty();
		JsonNode otherHospital = ok(as("jiangcheng-clerk").get("/api/authorizations/page?size=200"));
		assertThat(values(otherHospital, "institutionName")).isNotEmpty().allMatch("吉林市江城医院"::equals);
		JsonNode city = ok(as("changchun").get("/api/authorizations/page?size=200"));
		assertThat(values(city, "institutionName")).contains("长春市中心医院").doesNotContain("吉林市江城医院", "梅河口市梅源医院");
		JsonNode meihekou = ok(as("meihekou").get("/api/authorizations/page?size=200"));
		assertThat(values(meihekou, "institutionName")).doesNotContain("长春市中心医院");
		assertThat(values(all, "institutionName")).contains("长春市中心医院");

		Export export = ListsSupport.export(this.port, clerk, "/api/authorizations/export.xlsx?sort=personName,asc");
		assertThat(export.status()).as(export.text()).isEqualTo(200);
		assertThat(export.rows().get(0)).startsWith("医师", "医疗机构", "技术", "术式", "状态");
		assertThat(export.rows()).hasSize((int) own.get("total").asLong() + 1);
		assertThat(export.column("医疗机构")).allMatch("长春市中心医院"::equals);
		assertThat(export.column("医师")).isEqualTo(sortedChinese(values(own, "personName"), false));
	}

	@Test
	void auditPagedFilteredReadableAndOnlyForItsReaders() throws Exception {
		Api admin = as("admin");
		as("ccszx-clerk");
		JsonNode page = ok(admin.get("/api/audit/page?size=5"));
		assertThat(page.get("items")).hasSize(5);
		assertThat(page.get("total").asLong()).isGreaterThan(5);
		assertThat(page.get("sort").asString()).isEqualTo("occurredAt,desc");
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
		assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		JsonNode next = ok(admin.get("/api/audit/page?size=5&page=1"));
		assertThat(next.get("items").get(0).get("id").asLong()).isLessThan(ids.get(4));

		JsonNode logins = ok(admin.get("/api/audit/page?action=LOGIN_SUCCEEDED&actor=ccszx-clerk&size=50"));
		assertThat(logins.get("items")).isNotEmpty().allSatisfy(item -> {
			assertThat(item.get("actionLabel").asString()).isEqualTo("登录成功");
			assertThat(item.get("actorRoleLabel").asString()).isEqualTo("医务科");
			assertThat(item.get("subjectName").asString()).isEqualTo(item.get("actorName").asString());
			assertThat(item.get("entityTypeLabel").asString()).isEqualTo("用户");
		});
		String today = TestClock.today().toString();
		assertThat(ok(admin.get("/api/audit/page?from=" + today + "&to=" + today)).get("total").asLong()).isPositive();
		assertThat(ok(admin.get("/api/audit/page?from=" + TestClock.today().plusDays(1))).get("total").asLong())
			.isZero();
		JsonNode byActor = ok(admin.get("/api/audit/page?sort=actorName,asc&size=1"));
		assertThat(byActor.get("sort").asString()).isEqualTo("actorName,asc");
		JsonNode byActorDesc = ok(admin.get("/api/audit/page?sort=actorName,desc&size=1"));
		assertThat(byActorDesc.get("items").get(0).get("id").asLong())
			.isNotEqualTo(byActor.get("items").get(0).get("id").asLong());
		unknownSort(admin.get("/api/audit/page?sort=hash"));
		unknownSort(admin.get("/api/audit/page?sort=id;drop%20table%20audit.entry"));

		assertThat(as("ccszx-clerk").get("/api/audit/page").status()).isEqualTo(403);
		assertThat(as("changchun").get("/api/audit/page").status()).isEqualTo(403);
		assertThat(ok(as("province").get("/api/audit/page")).get("items")).isNotEmpty();

		Export export = ListsSupport.export(this.port, admin,
				"/api/audit/export.xlsx?action=LOGIN_SUCCEEDED&from=" + today);
		assertThat(export.status()).as(export.text()).isEqualTo(200);
		assertThat(export.rows().get(0)).containsExactly("时间", "操作人", "角色", "操作", "对象类型", "对象", "地址", "变更内容");
		assertThat(export.column("操作")).isNotEmpty().allMatch("登录成功"::equals);
		assertThat(export.column("时间")).allMatch(t -> t.startsWith(today));
	}

}
