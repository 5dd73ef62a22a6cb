package cn.rtms.demo;

import java.util.ArrayList;
import java.util.List;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.web.ListsSupport;
import cn.rtms.web.ListsSupport.Export;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.rtms.web.ListsSupport.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filing list paged, sorted and filtered on the server with the demo filings (same
 * context as {@link DemoFilingsIT}): each role sees its scope, authorities never see a
 * hospital's draft, the export holds what the filter shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.demo-data.filings=true")
class FilingListsIT {

	@LocalServerPort
	int port;

	Api as(String user) {
		return Api.as(this.port, user);
	}

	static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.body();
	}

	static List<String> keys(JsonNode page) {
		List<String> keys = new ArrayList<>();
		page.get("items")
			.forEach(f -> keys.add(f.get("institutionName").asString() + " " + f.get("technology").asString()));
		return keys;
	}

	@Test
	void pagesSortsAndFiltersOnTheServer() {
		Api admin = as("admin");
		JsonNode all = ok(admin.get("/api/filings/page?size=200&sort=submittedOn,asc"));
		assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(6);
		List<String> submitted = values(all, "submittedOn");
		assertThat(submitted.stream().filter(s -> s != null).toList()).isSorted();
		assertThat(submitted.indexOf(null)).as("never-submitted drafts last")
			.isIn(-1, (int) submitted.stream().filter(s -> s != null).count());

		JsonNode first = ok(admin.get("/api/filings/page?size=2&page=0&sort=institutionName,desc"));
		JsonNode second = ok(admin.get("/api/filings/page?size=2&page=1&sort=institutionName,desc"));
		assertThat(first.get("items")).hasSize(2);
		List<String> both = new ArrayList<>(keys(first));
		both.addAll(keys(second));
		assertThat(both).doesNotHaveDuplicates();
		assertThat(first.get("total").asLong()).isEqualTo(all.get("total").asLong());

		JsonNode submittedOnly = ok(admin.get("/api/filings/page?state=SUBMITTED"));
		assertThat(values(submittedOnly, "state")).isNotEmpty().allMatch("SUBMITTED"::equals);
		JsonNode two = ok(admin.get("/api/filings/page?state=SUBMITTED,DRAFT"));
		assertThat(values(two, "state")).contains("SUBMITTED", "DRAFT")
			.allMatch(s -> s.equals("SUBMITTED") || s.equals("DRAFT"));
		JsonNode named = ok(admin.get("/api/filings/page?q=松江"));
		assertThat(values(named, "institutionName")).isNotEmpty().allMatch("吉林省松江肿瘤医院"::equals);
		JsonNode g08 = ok(admin.get("/api/filings/page?technology=G08&size=200"));
		assertThat(values(g08, "technology")).isNotEmpty().allMatch("G08"::equals);
		JsonNode jilin = ok(admin.get("/api/filings/page?regionCode=220200"));
		assertThat(values(jilin, "institutionName")).containsOnly("吉林市江城医院");
		// 梅河口市 (220581) is administered directly by the province, not by 通化市 (220500)
		JsonNode tonghua = ok(admin.get("/api/filings/page?regionCode=220500&size=200"));
		assertThat(values(tonghua, "institutionName")).doesNotContain("梅河口市梅源医院");
		List<String> tonghuaInstitutions = new ArrayList<>();
		ok(admin.get("/api/institutions?regionCode=220500"))
			.forEach(i -> tonghuaInstitutions.add(i.get("name").asString()));
		List<String> meihekouInstitutions = new ArrayList<>();
		ok(admin.get("/api/institutions?regionCode=220581"))
			.forEach(i -> meihekouInstitutions.add(i.get("name").asString()));
		assertThat(meihekouInstitutions).containsExactly("梅河口市梅源医院");
		assertThat(tonghuaInstitutions).contains("通化市玉皇山医院").doesNotContain("梅河口市梅源医院");
		String day = submitted.stream().filter(s -> s != null).findFirst().orElseThrow();
		JsonNode window = ok(admin.get("/api/filings/page?from=" + day + "&to=" + day + "&size=200"));
		assertThat(values(window, "submittedOn")).isNotEmpty().allMatch(day::equals);

		Response unknown = admin.get("/api/filings/page?sort=body");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().get("code").asString()).isEqualTo("UNKNOWN_SORT_KEY");
		Response badState = admin.get("/api/filings/page?state=NONSENSE");
		assertThat(badState.status()).isEqualTo(400);
	}

	@Test
	void eachRoleSeesItsScopeAndAuthoritiesNeverSeeDrafts() {
		JsonNode clerk = ok(as("ccszx-clerk").get("/api/filings/page?size=200"));
		assertThat(values(clerk, "institutionName")).isNotEmpty().allMatch("长春市中心医院"::equals);
		JsonNode otherClerk = ok(as("jiangcheng-clerk").get("/api/filings/page?size=200"));
		assertThat(values(otherClerk, "institutionName")).containsOnly("吉林市江城医院");
		assertThat(values(otherClerk, "state")).contains("DRAFT");

		JsonNode city = ok(as("changchun").get("/api/filings/page?size=200"));
		assertThat(values(city, "institutionName")).contains("长春市中心医院").doesNotContain("吉林市江城医院");
		assertThat(values(city, "institutionRegionCode")).allMatch(c -> c.startsWith("2201"));
		JsonNode otherCity = ok(as("meihekou").get("/api/filings/page?size=200"));
		assertThat(values(otherCity, "institutionName")).doesNotContain("长春市中心医院", "吉林省松江肿瘤医院");

		for (String authority : List.of("province", "changchun")) {
			JsonNode page = ok(as(authority).get("/api/filings/page?size=200"));
			assertThat(values(page, "state")).as(authority).doesNotContain("DRAFT", "SELF_ASSESSED");
			JsonNode drafts = ok(as(authority).get("/api/filings/page?state=DRAFT"));
			assertThat(drafts.get("total").asLong()).as(authority).isZero();
		}
		JsonNode old = ok(as("province").get("/api/filings"));
		List<String> oldStates = new ArrayList<>();
		old.forEach(f -> oldStates.add(f.get("state").asString()));
		assertThat(oldStates).as("the unpaged list too").isNotEmpty().doesNotContain("DRAFT", "SELF_ASSESSED");
	}

	@Test
	void exportHoldsWhatTheFilterShowsInScope() throws Exception {
		Api changchun = as("changchun");
		JsonNode page = ok(changchun.get("/api/filings/page?size=200&sort=institutionName,asc"));
		Export export = ListsSupport.export(this.port, changchun, "/api/filings/export.xlsx?sort=institutionName,asc");
		assertThat(export.status()).as(export.text()).isEqualTo(200);
		assertThat(export.rows().get(0)).startsWith("医疗机构", "所在行政区划", "技术编码", "技术名称", "级别", "状态");
		assertThat(export.column("医疗机构")).isEqualTo(values(page, "institutionName"));
		assertThat(export.column("状态")).doesNotContain("草稿", "已自评");

		Export submitted = ListsSupport.export(this.port, changchun, "/api/filings/export.xlsx?state=SUBMITTED");
		assertThat(submitted.column("状态")).isNotEmpty().allMatch("已提交"::equals);
		Export clerk = ListsSupport.export(this.port, as("jiangcheng-clerk"), "/api/filings/export.xlsx");
		assertThat(clerk.column("医疗机构")).containsOnly("吉林市江城医院");
		assertThat(clerk.column("状态")).contains("草稿");
	}

}
