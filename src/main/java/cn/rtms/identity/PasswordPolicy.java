package cn.rtms.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 等保 password policy: at least 8 characters with at least three of upper case, lower
 * case, digit and symbol, and not the username.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 64;

	private PasswordPolicy() {
	}

	/**
	 * @return the Chinese reasons the password is refused, empty when it is acceptable
	 */
	static List<String> problems(String password, String username) {
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
		return problems;
	}

}
