package cn.rtms.filing.domain;

import java.util.List;
import java.util.Map;

import cn.rtms.filing.InvalidFilingRequest;
import cn.rtms.filing.domain.AuthorityRouting.Area;
import cn.rtms.filing.domain.Filing.Route;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorityRoutingTests {

	static final AuthorityRouting JILIN = new AuthorityRouting(Map.of("220000",
			new Area("220000", "PROVINCE", null, false), "220100", new Area("220100", "CITY", "220000", false),
			"220102", new Area("220102", "COUNTY", "220100", false), "220500",
			new Area("220500", "CITY", "220000", false), "220581", new Area("220581", "COUNTY", "220500", true),
			"229900", new Area("229900", "CITY", "220000", true)));

	@Test
	void nationalTechnologyGoesFromTheCountyThroughTheCityToTheProvince() {
		assertThat(JILIN.route("220102", true))
			.isEqualTo(new Route("220102", "220000", List.of("220102", "220100", "220000")));
		assertThat(JILIN.route("220100", true)).isEqualTo(new Route("220100", "220000", List.of("220100", "220000")));
	}

	@Test
	void provincialTechnologyIsReviewedAtCityLevel() {
		assertThat(JILIN.route("220100", false)).isEqualTo(new Route("220100", "220100", List.of("220100")));
		assertThat(JILIN.route("220102", false)).isEqualTo(new Route("220102", "220100", List.of("220102", "220100")));
	}

	@Test
	void provinceLicensedHospitalsFileWithTheProvinceDirectly() {
		assertThat(JILIN.route("220000", true)).isEqualTo(new Route("220000", "220000", List.of("220000")));
		assertThat(JILIN.route("220000", false)).isEqualTo(new Route("220000", "220000", List.of("220000")));
	}

	@Test
	void meihekouAndChangbaishanActAtCityLevelAndEscalateStraightToTheProvince() {
		assertThat(JILIN.route("220581", true)).isEqualTo(new Route("220581", "220000", List.of("220581", "220000")));
		assertThat(JILIN.route("220581", false)).isEqualTo(new Route("220581", "220581", List.of("220581")));
		assertThat(JILIN.route("229900", true)).isEqualTo(new Route("229900", "220000", List.of("229900", "220000")));
	}

	@Test
	void refusesAnUnknownIssuerRegion() {
		assertThatThrownBy(() -> JILIN.route("990000", true)).isInstanceOf(InvalidFilingRequest.class)
			.hasMessageContaining("990000");
	}

}
