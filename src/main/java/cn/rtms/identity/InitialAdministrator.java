package cn.rtms.identity;

import java.security.SecureRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A database without any account (production, demo data off) gets the system
 * administrator {@code admin}, with the password of {@code RTMS_INITIAL_ADMIN_PASSWORD}
 * or a generated one printed once to the log; it must be changed at first login.
 */
@Component
@Order(20)
@ConditionalOnWebApplication
class InitialAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	private final Users users;

	private final UserManagement management;

	private final IdentityManagement identity;

	private final @Nullable String configuredPassword;

	InitialAdministrator(Users users, UserManagement management, IdentityManagement identity,
			@Value("${rtms.identity.initial-admin-password:}") @Nullable String configuredPassword) {
		this.users = users;
		this.management = management;
		this.identity = identity;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.count() > 0) {
			return;
		}
		boolean generated = this.configuredPassword == null || this.configuredPassword.isBlank();
		String password = generated ? generate() : this.configuredPassword;
		this.identity.asSystem(() -> this.management
			.create(new CreateUser("admin", "系统管理员", Role.SYSTEM_ADMIN, null, null, null, password)));
		if (generated) {
			log.warn("已创建系统管理员账号 admin，初始密码：{}（仅显示这一次，首次登录后必须修改）", password);
		}
		else {
			log.info("已创建系统管理员账号 admin（初始密码来自 RTMS_INITIAL_ADMIN_PASSWORD，首次登录后必须修改）");
		}
	}

	private static String generate() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder("Rt#");
		for (int i = 0; i < 13; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.append('9').toString();
	}

}
