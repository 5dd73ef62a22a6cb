package cn.rtms.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The password policy's blocklist of common and published passwords. */
class PasswordPolicyTests {

	@Test
	void refusesCommonPasswordsThatPassTheComplexityRules() {
		for (String password : List.of("Password1", "Admin@123", "P@ssw0rd", "Passw0rd!", "Qwer@1234", "1qaz@WSX",
				"Aa123456!", "Abc@1234", "Huawei@123", "Admin@2026", "Root@123", "Welcome@123")) {
			assertThat(PasswordPolicy.problems(password, "zhangsan")).as(password)
				.containsExactly("过于常见，容易被猜中，不能使用（如 Password1、Admin@123）");
		}
	}

	@Test
	void comparesTheBlocklistCaseInsensitively() {
		assertThat(PasswordPolicy.isBlocked("pASSWORD1")).isTrue();
		assertThat(PasswordPolicy.isBlocked("ADMIN@123")).isTrue();
		assertThat(PasswordPolicy.isBlocked("123456")).isTrue();
	}

	@Test
	void bundlesSeveralHundredPasswords() {
		assertThat(PasswordPolicy.blocklistSize()).isGreaterThan(300);
	}

	@Test
	void refusesThePublishedDemoPasswordExceptForDemoAccounts() {
		assertThat(PasswordPolicy.problems(UserManagement.DEMO_PASSWORD, "zhangsan")).containsExactly("不能使用公开的演示密码");
		assertThat(PasswordPolicy.problems("rtms@2026", "zhangsan")).containsExactly("不能使用公开的演示密码");
		assertThat(PasswordPolicy.problems(UserManagement.DEMO_PASSWORD, "expert1", true)).isEmpty();
	}

	@Test
	void acceptsAnUncommonPassword() {
		assertThat(PasswordPolicy.problems("Init#2026x", "zhangsan")).isEmpty();
		assertThat(PasswordPolicy.problems("Kx7#vudo-Lq", "zhangsan")).isEmpty();
	}

}
