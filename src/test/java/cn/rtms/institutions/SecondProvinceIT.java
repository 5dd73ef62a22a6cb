package cn.rtms.institutions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment for a second province (辽宁 210000, README "Setting up another province"):
 * its own region tree, authorities scoped inside it, nothing created outside it, its own
 * provincial catalogue (a test fixture, reference/catalogues/210000.yaml), Jilin's demo
 * data left out; and an upgraded database gets a new edition's regions without losing its
 * own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.test.context=SecondProvinceIT", "rtms.deployment.province=210000" })
class SecondProvinceIT {

	static final String INITIAL = "Init#2026x";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InstitutionManagement institutions;

	private String institution(String name, String regionCode, String issuerRegionCode) {
		return """
				{"name": "%s", "regionCode": "%s", "level": "TERTIARY_A", "type": "GENERAL",
				 "licence": {"number": "PDY-%s", "issuedBy": "卫生健康委员会",
				             "issuerRegionCode": "%s", "validFrom": "2020-01-01", "validUntil": "2030-12-31"},
				 "registeredSubjects": ["外科"]}
				""".formatted(name, regionCode, regionCode + name.length(), issuerRegionCode);
	}

	private Response create(Api admin, String name, String regionCode, String issuerRegionCode) {
		return admin.post("/api/institutions", admin.json().readTree(institution(name, regionCode, issuerRegionCode)));
	}

	@Test
	void offersOnlyTheDeploymentProvincesRegionTree() {
		Response tree = Api.as(this.port, "admin").get("/api/regions");
		assertThat(tree.status()).as(tree.text()).isEqualTo(200);
		assertThat(tree.body().size()).isEqualTo(1);
		assertThat(tree.body().get(0).get("code").asString()).isEqualTo("210000");
		assertThat(tree.body().get(0).get("name").asString()).isEqualTo("辽宁省");
		List<String> cities = new ArrayList<>();
		tree.body().get(0).get("children").forEach(c -> cities.add(c.get("name").asString()));
		assertThat(cities).contains("沈阳市", "大连市").hasSize(14);
		assertThat(tree.text()).doesNotContain("吉林省", "长春市", "长白山");
		assertThat(this.institutions.deploymentProvince())
			.extracting(DeploymentProvince::code, DeploymentProvince::name)
			.containsExactly("210000", "辽宁省");
	}

	@Test
	void aShenyangCityAuthoritySeesOnlyItsRegion() {
		Api admin = Api.as(this.port, "admin");
		Response shenyang = create(admin, "沈阳测试医院", "210102", "210100");
		assertThat(shenyang.status()).as(shenyang.text()).isEqualTo(201);
		Response dalian = create(admin, "大连测试医院", "210202", "210200");
		assertThat(dalian.status()).as(dalian.text()).isEqualTo(201);

		Response account = admin.post("/api/users", Map.of("username", "shenyang", "displayName", "沈阳市卫生健康委员会", "role",
				"CITY_AUTHORITY", "regionCode", "210100", "initialPassword", INITIAL));
		assertThat(account.status()).as(account.text()).isEqualTo(201);
		Api city = new Api(this.port).login("shenyang", INITIAL);
		assertThat(city.post("/api/auth/password", Map.of("oldPassword", INITIAL, "newPassword", "Shenyang#2026y"))
			.status()).isEqualTo(200);

		List<String> seen = new ArrayList<>();
		city.get("/api/institutions").body().forEach(i -> seen.add(i.get("name").asString()));
		assertThat(seen).containsExactly("沈阳测试医院");
		assertThat(city.get("/api/institutions/" + dalian.body().get("id").asString()).status()).isEqualTo(403);
	}

	@Test
	void refusesAnInstitutionOrAnAuthorityOutsideTheDeploymentProvince() {
		Api admin = Api.as(this.port, "admin");
		Response jilin = create(admin, "长春越界医院", "220102", "220100");
		assertThat(jilin.status()).as(jilin.text()).isEqualTo(422);
		assertThat(jilin.body().get("code").asString()).isEqualTo("INVALID_INSTITUTION");
		assertThat(jilin.body().get("errors").toString()).contains("regionCode", "licence.issuerRegionCode",
				"行政区划 220102（南关区）不在本平台部署的省份（辽宁省）内");
		assertThat(admin.get("/api/institutions?q=长春越界").body().size()).isZero();

		Response authority = admin.post("/api/users", Map.of("username", "changchun-elsewhere", "displayName", "长春市",
				"role", "CITY_AUTHORITY", "regionCode", "220100", "initialPassword", INITIAL));
		assertThat(authority.status()).as(authority.text()).isEqualTo(422);
		assertThat(authority.body().get("code").asString()).isEqualTo("INVALID_USER");
		assertThat(authority.body().get("errors").toString()).contains("不在本平台部署的省份内");
	}

	@Test
	void listsTheNationalAndThisProvincesCatalogueOnly() {
		JsonNode technologies = Api.as(this.port, "admin").get("/api/technologies").body();
		List<String> codes = new ArrayList<>();
		technologies.forEach(t -> codes.add(t.get("code").asString()));
		assertThat(codes).contains("G01", "G12", "LN01", "LN02").doesNotContain("S01", "S04");
		assertThat(this.jdbc.sql("select event from catalog.technology_history where code = 'LN01'")
			.query(String.class)
			.list()).containsExactly("列入辽宁省限制类技术目录（测试用）（测试用目录文件（非真实文件））");
	}

	@Test
	void leavesJilinsDemoDataOut() {
		assertThat(this.jdbc.sql("select count(*) from institutions.institution where name like '%松江%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(
				this.jdbc.sql("select count(*) from identity.user_account where username in ('province', 'changchun')")
					.query(Long.class)
					.single())
			.isZero();
	}

	@Test
	void anUpgradeAddsTheRegionsAnEditionBringsAndKeepsTheRowsItHas() {
		this.jdbc.sql("update institutions.region set name = '和平区（本地名称）' where code = '210102'").update();
		this.jdbc.sql("delete from institutions.region where code like '65%'").update();
		this.jdbc.sql("delete from institutions.region_edition").update();
		try {
			int inserted = this.institutions.loadRegions();
			int xinjiang = this.jdbc.sql("select count(*) from institutions.region where code like '65%'")
				.query(Integer.class)
				.single();
			assertThat(inserted).isEqualTo(xinjiang).isGreaterThan(100);
			assertThat(this.institutions.regionName("210102")).as("never renamed by a load").isEqualTo("和平区（本地名称）");
			assertThat(this.institutions.loadRegions()).as("the same edition loads once").isZero();
			assertThat(this.jdbc.sql("select inserted from institutions.region_edition").query(Integer.class).single())
				.isEqualTo(xinjiang);
		}
		finally {
			this.jdbc.sql("update institutions.region set name = '和平区' where code = '210102'").update();
			this.jdbc.sql("delete from institutions.region_edition").update();
			this.institutions.loadRegions();
		}
	}

}
