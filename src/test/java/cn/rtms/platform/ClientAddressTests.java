package cn.rtms.platform;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressTests {

	private static String resolve(List<String> trusted, String peer, String... forwarded) {
		return new ClientAddress(trusted).resolve(peer, Collections.enumeration(List.of(forwarded)));
	}

	@Test
	void ignoresForwardedForFromAnUntrustedPeer() {
		assertThat(resolve(List.of(), "198.51.100.9", "203.0.113.7")).isEqualTo("198.51.100.9");
		assertThat(resolve(List.of("10.0.0.1"), "198.51.100.9", "203.0.113.7")).isEqualTo("198.51.100.9");
	}

	@Test
	void takesTheClientFromForwardedForBehindATrustedProxy() {
		assertThat(resolve(List.of("10.0.0.1"), "10.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(resolve(List.of("10.0.0.0/8"), "10.1.2.3", "203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void readsFromTheRightSoAClientCannotForgeItsAddress() {
		assertThat(resolve(List.of("10.0.0.0/8"), "10.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.2"))
			.as("the spoofed left-most entry is not believed")
			.isEqualTo("203.0.113.7");
		assertThat(resolve(List.of("10.0.0.0/8"), "10.0.0.1", "1.2.3.4", "203.0.113.7"))
			.as("several headers are one list")
			.isEqualTo("203.0.113.7");
	}

	@Test
	void keepsThePeerWhenTheHeaderIsNotAnAddress() {
		assertThat(resolve(List.of("10.0.0.1"), "10.0.0.1", "evil.example<script>")).isEqualTo("10.0.0.1");
		assertThat(resolve(List.of("10.0.0.1"), "10.0.0.1", "")).isEqualTo("10.0.0.1");
		assertThat(resolve(List.of("10.0.0.1"), "10.0.0.1")).isEqualTo("10.0.0.1");
	}

	@Test
	void understandsIpv6Ranges() {
		assertThat(resolve(List.of("fd00::/8"), "fd00::1", "2001:db8::5")).isEqualTo("2001:db8:0:0:0:0:0:5");
		assertThat(resolve(List.of("fd00::/8"), "fe80::1", "2001:db8::5")).isEqualTo("fe80::1");
	}

	@Test
	void refusesAMisconfiguredProxyList() {
		assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example"))).hasMessageContaining("trusted-proxies");
		assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("前缀长度");
	}

}
