package cn.rtms.institutions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.rtms.institutions.Regions.RegionRow;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committed region file (reference/regions.csv, docs/regions.md) is whole and
 * consistent.
 */
class RegionDataTests {

	/**
	 * Every provincial-level unit of GB/T 2260: 31 provinces, Taiwan, Hong Kong, Macao.
	 */
	static final Set<String> PROVINCES = Set.of("110000", "120000", "130000", "140000", "150000", "210000", "220000",
			"230000", "310000", "320000", "330000", "340000", "350000", "360000", "370000", "410000", "420000",
			"430000", "440000", "450000", "460000", "500000", "510000", "520000", "530000", "540000", "610000",
			"620000", "630000", "640000", "650000", "710000", "810000", "820000");

	static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");

	final List<RegionRow> rows = read();

	final Map<String, RegionRow> byCode = this.rows.stream()
		.collect(Collectors.toMap(RegionRow::code, Function.identity()));

	static List<RegionRow> read() {
		try {
			return Regions.read();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void everyCodeIsSixDigitsAndUnique() {
		assertThat(this.rows).allSatisfy(r -> assertThat(r.code()).matches("\\d{6}"));
		assertThat(this.byCode).hasSameSizeAs(this.rows);
		assertThat(this.rows).hasSizeGreaterThan(3000);
	}

	@Test
	void everyParentExistsAndBelongsToTheSameProvince() {
		assertThat(this.rows).filteredOn(r -> r.parentCode() != null).allSatisfy(r -> {
			assertThat(this.byCode).as(r.code()).containsKey(r.parentCode());
			assertThat(r.parentCode()).as(r.code()).startsWith(r.code().substring(0, 2));
		});
	}

	@Test
	void levelsAreConsistent() {
		assertThat(this.rows).allSatisfy(r -> {
			RegionRow parent = r.parentCode() == null ? null : this.byCode.get(r.parentCode());
			switch (r.level()) {
				case "PROVINCE" -> {
					assertThat(parent).as(r.code()).isNull();
					assertThat(r.code()).endsWith("0000");
				}
				case "CITY" -> assertThat(parent).as(r.code()).extracting(RegionRow::level).isEqualTo("PROVINCE");
				case "COUNTY" -> {
					assertThat(parent).as(r.code()).isNotNull();
					if (!"CITY".equals(parent.level())) {
						assertThat(parent.level()).as(r.code()).isEqualTo("PROVINCE");
						assertThat(MUNICIPALITIES.contains(parent.code()) || r.directAdmin())
							.as(r.code() + " 直接隶属省级：只有直辖市的区县和省直辖县级行政单位")
							.isTrue();
					}
				}
				default -> throw new AssertionError(r.code() + " level " + r.level());
			}
		});
	}

	@Test
	void everyProvinceIsPresent() {
		assertThat(this.rows).filteredOn(r -> "PROVINCE".equals(r.level()))
			.extracting(RegionRow::code)
			.containsExactlyInAnyOrderElementsOf(PROVINCES);
		assertThat(this.byCode.get("210100").name()).isEqualTo("沈阳市");
		assertThat(this.rows).filteredOn(r -> "210100".equals(r.parentCode())).hasSizeGreaterThan(10);
	}

	@Test
	void municipalitiesAndProvinceAdministeredCountiesHangUnderTheProvince() {
		assertThat(this.byCode.get("110101")).extracting(RegionRow::parentCode, RegionRow::directAdmin)
			.containsExactly("110000", false);
		assertThat(this.byCode.get("429004")).extracting(RegionRow::name, RegionRow::parentCode, RegionRow::directAdmin)
			.containsExactly("仙桃市", "420000", true);
		assertThat(this.byCode).doesNotContainKeys("429000", "469000", "659000", "419000");
	}

	@Test
	void keepsEveryJilinRowAsItWas() throws IOException {
		List<String> current = lines(Regions.SOURCE);
		List<String> jilin = lines("reference/regions-jilin-2026-11.csv");
		assertThat(jilin).hasSize(72);
		assertThat(current).containsAll(jilin);
		assertThat(this.byCode.get("229900")).extracting(RegionRow::name, RegionRow::directAdmin)
			.containsExactly("长白山管委会", true);
	}

	@Test
	void namesItsEdition() throws IOException {
		assertThat(Regions.edition()).contains("GB/T 2260");
	}

	@Test
	void deploymentCoversOnlyItsProvince() {
		Deployment jilin = new Deployment("220000");
		assertThat(jilin.covers("220581", this.byCode)).as("梅河口市").isTrue();
		assertThat(jilin.covers("229900", this.byCode)).as("长白山").isTrue();
		assertThat(jilin.covers("220000", this.byCode)).isTrue();
		assertThat(jilin.covers("210102", this.byCode)).isFalse();
		assertThat(jilin.covers("999999", this.byCode)).isFalse();
		assertThat(new Deployment("210000").covers("210102", this.byCode)).isTrue();
		assertThat(new Deployment("210000").covers("220102", this.byCode)).isFalse();
		assertThatThrownBy(() -> new Deployment("210100")).hasMessageContaining("rtms.deployment.province");
	}

	private static List<String> lines(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
		}
	}

}
