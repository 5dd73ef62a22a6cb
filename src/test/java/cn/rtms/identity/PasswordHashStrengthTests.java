package cn.rtms.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The password hash's work factor: BCrypt's 10 unless configured, only 4 to 31 accepted,
 * and a hash made with one factor still verifies under another (stored hashes carry
 * theirs).
 */
class PasswordHashStrengthTests {

	private final SecurityConfiguration configuration = new SecurityConfiguration();

	@Test
	void hashesWithWorkFactorTenUnlessConfigured() {
		assertThat(SecurityConfiguration.DEFAULT_PASSWORD_HASH_STRENGTH).isEqualTo(10);
		String hash = this.configuration.passwordEncoder(SecurityConfiguration.DEFAULT_PASSWORD_HASH_STRENGTH)
			.encode("Rtms@2026");
		assertThat(hash).startsWith("$2a$10$");
	}

	@Test
	void refusesAWorkFactorBcryptCannotUse() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.configuration.passwordEncoder(3))
			.withMessageContaining("rtms.security.password-hash-strength")
			.withMessageContaining("4 到 31");
		assertThatIllegalArgumentException().isThrownBy(() -> this.configuration.passwordEncoder(32));
	}

	@Test
	void aStoredHashVerifiesWhateverTheConfiguredFactor() {
		String strong = this.configuration.passwordEncoder(10).encode("Rtms@2026");
		String weak = this.configuration.passwordEncoder(4).encode("Rtms@2026");
		assertThat(weak).startsWith("$2a$04$");
		assertThat(this.configuration.passwordEncoder(4).matches("Rtms@2026", strong)).isTrue();
		assertThat(this.configuration.passwordEncoder(10).matches("Rtms@2026", weak)).isTrue();
		assertThat(this.configuration.passwordEncoder(10).matches("Rtms@2027", weak)).isFalse();
	}

}
