package cn.rtms.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * 等保 password policy: at least 8 characters with at least three of upper case, lower
 * case, digit and symbol, not the username, not one of the common and published passwords
 * of {@code identity/password-blocklist.txt} (case-insensitive), and not the published
 * demo password ({@link UserManagement#DEMO_PASSWORD}) unless the account is a demo
 * account.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 64;

	static final String BLOCKLIST = "identity/password-blocklist.txt";

	private static final Set<String> BLOCKED = load();

	private PasswordPolicy() {
	}

	/**
	 * @return the Chinese reasons the password is refused for an ordinary account, empty
	 * when it is acceptable
	 */
	static List<String> problems(String password, String username) {
		return problems(password, username, false);
	}

	/**
	 * @param demoAccount whether the account is one of the demo module's preset accounts,
	 * which may use the published demo password
	 * @return the Chinese reasons the password is refused, empty when it is acceptable
	 */
	static List<String> problems(String password, String username, boolean demoAccount) {
		List<String> problems = new ArrayList<>();
		if (password.length() < MIN_LENGTH) {
			problems.add("长度至少 " + MIN_LENGTH + " 位");
		}
		if (password.length() > MAX_LENGTH) {
			problems.add("长度不能超过 " + MAX_LENGTH + " 位");
		}
		int classes = 0;
		classes += password.chars().anyMatch(c -> c >= 'A' && c <= 'Z') ? 1 : 0;
		classes += password.chars().anyMatch(c -> c >= 'a' && c <= 'z') ? 1 : 0;
		classes += password.chars().anyMatch(c -> c >= '0' && c <= '9') ? 1 : 0;
		classes += password.chars().anyMatch(c -> c > ' ' && c < 127 && !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			problems.add("须包含大写字母、小写字母、数字、特殊符号中的至少三类");
		}
		if (password.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
			problems.add("只能包含字母、数字和英文特殊符号，不能包含空格或中文");
		}
		if (password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
			problems.add("不能与用户名相同");
		}
		if (isDemoPassword(password)) {
			if (!demoAccount) {
				problems.add("不能使用公开的演示密码");
			}
		}
		else if (isBlocked(password)) {
			problems.add("过于常见，容易被猜中，不能使用（如 Password1、Admin@123）");
		}
		return problems;
	}

	static boolean isDemoPassword(String password) {
		return password.equalsIgnoreCase(UserManagement.DEMO_PASSWORD);
	}

	static boolean isBlocked(String password) {
		return BLOCKED.contains(password.toLowerCase(Locale.ROOT));
	}

	/**
	 * @return how many passwords the blocklist holds
	 */
	static int blocklistSize() {
		return BLOCKED.size();
	}

	private static Set<String> load() {
		InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(BLOCKLIST);
		if (in == null) {
			throw new IllegalStateException("缺少密码黑名单 " + BLOCKLIST);
		}
		Set<String> blocked = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String entry = line.strip();
				if (!entry.isEmpty() && !entry.startsWith("# ")) {
					blocked.add(entry.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(blocked);
	}

}
