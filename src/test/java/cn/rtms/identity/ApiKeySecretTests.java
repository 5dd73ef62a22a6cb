package cn.rtms.identity;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySecretTests {

	@Test
	void generatesA256BitSecretBehindA48BitPrefix() {
		ApiKeySecret.Issued issued = ApiKeySecret.generate();
		assertThat(issued.prefix()).matches("[0-9a-f]{12}");
		assertThat(issued.secret()).matches("[A-Za-z0-9_-]{43}");
		assertThat(issued.key()).isEqualTo("rtms_" + issued.prefix() + "." + issued.secret());
		assertThat(issued.hash()).matches("[0-9a-f]{64}").doesNotContain(issued.secret());
		assertThat(ApiKeySecret.generate().key()).isNotEqualTo(issued.key());
	}

	@Test
	void parsesWhatItIssued() {
		ApiKeySecret.Issued issued = ApiKeySecret.generate();
		assertThat(ApiKeySecret.parse("  " + issued.key() + " ")).get()
			.isEqualTo(new ApiKeySecret.Presented(issued.prefix(), issued.secret()));
	}

	@Test
	void refusesMalformedKeys() {
		ApiKeySecret.Issued issued = ApiKeySecret.generate();
		assertThat(ApiKeySecret.parse(issued.prefix() + "." + issued.secret())).isEmpty();
		assertThat(ApiKeySecret.parse("rtms_" + issued.prefix() + issued.secret())).isEmpty();
		assertThat(ApiKeySecret.parse(issued.key() + "x")).isEmpty();
		assertThat(ApiKeySecret.parse("rtms_ABCDEF123456." + issued.secret())).isEmpty();
		assertThat(ApiKeySecret.parse("")).isEmpty();
	}

	@Test
	void matchesOnlyTheSecretItHashed() {
		ApiKeySecret.Issued issued = ApiKeySecret.generate();
		assertThat(ApiKeySecret.matches(issued.secret(), issued.hash())).isTrue();
		assertThat(ApiKeySecret.matches(ApiKeySecret.generate().secret(), issued.hash())).isFalse();
		assertThat(ApiKeySecret.matches(issued.secret(), "not hex")).isFalse();
	}

	@Test
	void readsTheKeyFromTheAuthorizationSchemeOrTheHeader() {
		MockHttpServletRequest scheme = new MockHttpServletRequest("GET", "/api/gate");
		scheme.addHeader("Authorization", "ApiKey rtms_x.y");
		assertThat(ApiKeySecurityConfiguration.presentedKey(scheme)).isEqualTo("rtms_x.y");
		MockHttpServletRequest lower = new MockHttpServletRequest("GET", "/api/gate");
		lower.addHeader("Authorization", "apikey   rtms_x.y ");
		assertThat(ApiKeySecurityConfiguration.presentedKey(lower)).isEqualTo("rtms_x.y");
		MockHttpServletRequest header = new MockHttpServletRequest("GET", "/api/gate");
		header.addHeader("X-Api-Key", "rtms_x.y");
		assertThat(ApiKeySecurityConfiguration.presentedKey(header)).isEqualTo("rtms_x.y");
		MockHttpServletRequest bearer = new MockHttpServletRequest("GET", "/api/gate");
		bearer.addHeader("Authorization", "Bearer abc");
		assertThat(ApiKeySecurityConfiguration.presentedKey(bearer)).isNull();
		assertThat(ApiKeySecurityConfiguration.presentedKey(new MockHttpServletRequest("GET", "/api/x"))).isNull();
	}

	@Test
	void machineRequestsAreThoseWithAKeyOrToTheCheckItself() {
		MockHttpServletRequest withKey = new MockHttpServletRequest("GET", "/api/institutions");
		withKey.addHeader("X-Api-Key", "rtms_x.y");
		assertThat(ApiKeySecurityConfiguration.MACHINE_REQUESTS.matches(withKey)).isTrue();
		assertThat(ApiKeySecurityConfiguration.MACHINE_REQUESTS.matches(new MockHttpServletRequest("GET", "/api/gate")))
			.isTrue();
		assertThat(ApiKeySecurityConfiguration.MACHINE_REQUESTS
			.matches(new MockHttpServletRequest("GET", "/api/gate/overrides"))).isFalse();
		assertThat(ApiKeySecurityConfiguration.MACHINE_REQUESTS
			.matches(new MockHttpServletRequest("GET", "/api/institutions"))).isFalse();
	}

}
