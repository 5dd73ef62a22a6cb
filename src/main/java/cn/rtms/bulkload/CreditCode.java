package cn.rtms.bulkload;

import org.jspecify.annotations.Nullable;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-character set without I, O, S, V,
 * Z; the last is a check character computed modulo 31 over the first 17 with weights 3^i
 * mod 31.
 */
public final class CreditCode {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/**
	 * @param first17 the first 17 characters
	 * @return the check character
	 */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return CHARSET.charAt(check == 31 ? 0 : check);
	}

	/**
	 * @param code a candidate, already trimmed and upper-cased
	 * @return null when valid, else why not (Chinese)
	 */
	public static @Nullable String problem(String code) {
		if (code.length() != 18) {
			return "统一社会信用代码应为 18 位，实际为 " + code.length() + " 位";
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(code.charAt(i)) < 0) {
				return "统一社会信用代码第 " + (i + 1) + " 位“" + code.charAt(i) + "”不是允许的字符（数字或除 I、O、S、V、Z 外的大写字母）";
			}
		}
		char expected = checkCharacter(code.substring(0, 17));
		if (code.charAt(17) != expected) {
			return "统一社会信用代码校验位错误：第 18 位应为“" + expected + "”，实际为“" + code.charAt(17) + "”（GB 32100）";
		}
		return null;
	}

}
