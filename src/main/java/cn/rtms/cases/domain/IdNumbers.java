package cn.rtms.cases.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Citizen identity numbers of GB 11643-1999: 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and a check character computed with ISO
 * 7064 MOD 11-2 (weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 written as
 * X).
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumbers() {
	}

	/**
	 * @param text an ID number as typed
	 * @return upper case, spaces removed
	 */
	public static String normalize(String text) {
		return text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * @param text a search text as typed
	 * @return whether it has the shape of an ID number (17 digits and a digit or X, after
	 * {@link #normalize}), valid or not
	 */
	public static boolean isShaped(String text) {
		return SHAPE.matcher(normalize(text)).matches();
	}

	/**
	 * @param first17 the first 17 digits
	 * @return the check character
	 * @throws IllegalArgumentException when not 17 digits
	 */
	public static char checkCharacter(String first17) {
		if (!first17.matches("\\d{17}")) {
			throw new IllegalArgumentException("需要 17 位数字");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/**
	 * @param idNumber a normalized ID number
	 * @return null when valid, else the Chinese reason
	 */
	public static @Nullable String problem(String idNumber) {
		if (!SHAPE.matcher(idNumber).matches()) {
			return "身份证号应为 18 位（前 17 位为数字，末位为数字或 X）";
		}
		if (birthDate(idNumber) == null) {
			return "身份证号第 7–14 位不是有效的出生日期：" + idNumber.substring(6, 14);
		}
		char expected = checkCharacter(idNumber.substring(0, 17));
		if (idNumber.charAt(17) != expected) {
			return "身份证号校验码错误（按 GB 11643 末位应为 " + expected + "）";
		}
		return null;
	}

	/**
	 * @param idNumber a normalized 18-character ID number
	 * @return the birth date it carries, or null when those digits are no date
	 */
	public static @Nullable LocalDate birthDate(String idNumber) {
		try {
			return LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)),
					Integer.parseInt(idNumber.substring(10, 12)), Integer.parseInt(idNumber.substring(12, 14)));
		}
		catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException ex) {
			return null;
		}
	}

	/**
	 * @param idNumber a valid ID number
	 * @return {@code M} when the sequence digit is odd, {@code F} when even
	 */
	public static String sex(String idNumber) {
		return ((idNumber.charAt(16) - '0') % 2 == 1) ? "M" : "F";
	}

}
