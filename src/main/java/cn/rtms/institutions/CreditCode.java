package cn.rtms.institutions;

import java.util.Locale;
import java.util.Optional;

/**
 * The 统一社会信用代码 of GB 32100-2015: 18 characters from {@value #CHARSET} (no I, O, S, V, Z)
 * — registration authority, organisation category, the six-digit region code, the
 * nine-character organisation code and a check character computed modulo 31 with the
 * weights 3<sup>i</sup> mod 31. One check for the self-registration of a hospital and the
 * bulk load of a province's institutions.
 */
public final class CreditCode {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/**
	 * @param code a code as typed
	 * @return the code upper-cased and without surrounding blanks
	 */
	public static String normalise(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * @param code the first 17 characters of a code
	 * @return the check character GB 32100-2015 prescribes for them
	 * @throws IllegalArgumentException when they are not 17 characters of the code's
	 * character set
	 */
	public static char checkCharacter(String code) {
		if (code.length() < 17) {
			throw new IllegalArgumentException(code);
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = CHARSET.indexOf(code.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException(code);
			}
			sum += value * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return CHARSET.charAt(check == 31 ? 0 : check);
	}

	/**
	 * @param input a code as typed (normalised first)
	 * @return what is wrong with it in Chinese, empty when it is a valid code
	 */
	public static Optional<String> problem(String input) {
		String code = normalise(input);
		if (code.length() != 18) {
			return Optional.of("统一社会信用代码应为 18 位，实际为 " + code.length() + " 位");
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(code.charAt(i)) < 0) {
				return Optional
					.of("统一社会信用代码第 " + (i + 1) + " 位“" + code.charAt(i) + "”不是允许的字符（只能是数字和除 I、O、S、V、Z 以外的大写字母）");
			}
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(code.charAt(i))) {
				return Optional.of("统一社会信用代码第 3 至 8 位应为登记管理机关行政区划码（6 位数字）");
			}
		}
		char expected = checkCharacter(code);
		if (code.charAt(17) != expected) {
			return Optional
				.of("统一社会信用代码校验位错误：按 GB 32100-2015 第 18 位应为“" + expected + "”，实际为“" + code.charAt(17) + "”，请核对是否录入有误");
		}
		return Optional.empty();
	}

}
