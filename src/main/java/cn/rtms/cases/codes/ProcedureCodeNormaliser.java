package cn.rtms.cases.codes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Brings an ICD-9-CM-3 (国家临床版) procedure code as exported by a hospital system, sent by a
 * HIS or typed into a case form to the spelling of the spec code lists, or says why it
 * cannot. Pure, no state. The one normalisation of the {@code cases} module: the
 * discharge scan, the order-entry gate and the case form all use it, and
 * {@link ProcedureCodeMatcher} matches its result against a spec's list.
 * <p>
 * Steps, in this order (docs/discharge-scan.md, "Normalisation"):
 * <ol>
 * <li>Unicode NFKC: full-width digits, letters, dots and spaces become ASCII
 * ("０６．３１００Ｘ００１"); the ideographic full stop "。" counts as a dot and the multiplication
 * sign "×" (U+00D7, typed for x by some input methods, "06.3100×001") as an x;</li>
 * <li>a procedure name after the code is dropped ("06.3100x001 经皮甲状腺病损射频消融术");</li>
 * <li>every space inside is removed ("52. 2200x007"), punctuation at either end too
 * ("06.3100x001；", "“06.3100x001”");</li>
 * <li>"X" becomes "x" ("06.3100X001", "54.4X00X055");</li>
 * <li>a missing dot after the two-digit category is put back ("063100x001",
 * "174100");</li>
 * <li>the result must have the form {@code NN.N}, {@code NN.NN}, {@code NN.NNNN} or
 * {@code NN.NxNN} (an x where the category has no fourth digit, "54.4x00"), optionally
 * followed by an extension {@code xNNN}; anything else is not a code and is reported, not
 * guessed. When the text is several complete codes separated by blanks ("06.3100x001
 * 17.4200") it is refused as such: removing the blanks would glue them into one (see
 * {@link #splitAtBlanks}).</li>
 * </ol>
 */
public final class ProcedureCodeNormaliser {

	private static final Pattern CODE = Pattern.compile("\\d{2}\\.(?:\\d|\\d{2}|(?:\\d{4}|\\dx\\d{2})(?:x\\d{3})?)");

	private static final Pattern MISSING_DOT = Pattern
		.compile("\\d{4}(?:\\d{2}|x\\d{2})?(?:x\\d{3})?|\\d{3}x\\d{2}(?:x\\d{3})?");

	private static final String EDGE_PUNCTUATION = ".,;:!?'\"`()[]{}<>|/\\-_+*#~、，。；：！？“”‘’（）【】《》·";

	/** Longest input looked at; a cell longer than this is not a code. */
	public static final int MAX_LENGTH = 60;

	private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Zs}\u200B\uFEFF]+");

	private ProcedureCodeNormaliser() {
	}

	/**
	 * @param raw the code as found in the file
	 * @return the spec spelling, or the reason why there is none
	 */
	public static NormalisedCode normalise(String raw) {
		if (raw.length() > MAX_LENGTH) {
			return NormalisedCode.invalid(raw, "编码过长（超过 " + MAX_LENGTH + " 个字符）");
		}
		String s = spell(raw);
		if (s.isEmpty()) {
			return NormalisedCode.invalid(raw, "编码为空");
		}
		if (!CODE.matcher(s).matches()) {
			if (splitAtBlanks(raw).size() > 1) {
				return NormalisedCode.invalid(raw, "“" + raw.strip() + "”含多个手术操作编码，请逐个填写（或以分号分隔）");
			}
			return NormalisedCode.invalid(raw,
					"“" + raw.strip() + "”不是 ICD-9-CM-3 手术操作编码的格式（应为 NN.NNNN 或 NN.NNNNxNNN，如 06.3100x001）");
		}
		return NormalisedCode.valid(raw, s);
	}

	/**
	 * @param raw a code as sent, or null
	 * @return the spec spelling, empty when the text is no code (or null)
	 */
	public static Optional<String> code(@Nullable String raw) {
		return raw == null ? Optional.empty() : Optional.ofNullable(normalise(raw).code());
	}

	/**
	 * Splits a text at blanks when it is not one code but every blank-separated part is a
	 * complete code ("06.3100x001 17.4200"); a code with stray blanks inside ("52.
	 * 2200x007", "17.41 00") or followed by its name stays whole.
	 * @param raw the text
	 * @return its codes, or the text alone
	 */
	public static List<String> splitAtBlanks(String raw) {
		if (raw.length() > MAX_LENGTH * 4) {
			return List.of(raw);
		}
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
		List<String> parts = new ArrayList<>();
		for (String part : BLANKS.split(s)) {
			if (!part.isEmpty()) {
				parts.add(part);
			}
		}
		if (parts.size() < 2 || oneCode(raw)) {
			return List.of(raw);
		}
		for (String part : parts) {
			if (!oneCode(part)) {
				return List.of(raw);
			}
		}
		return List.copyOf(parts);
	}

	private static boolean oneCode(String raw) {
		return raw.length() <= MAX_LENGTH && CODE.matcher(spell(raw)).matches();
	}

	/**
	 * Steps 1–5: the text as a code would be spelled, not yet checked.
	 */
	private static String spell(String raw) {
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replace('。', '.').replace('\u00D7', 'x');
		s = dropName(s);
		StringBuilder compact = new StringBuilder(s.length());
		s.codePoints()
			.filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200B' && c != '\uFEFF')
			.forEach(compact::appendCodePoint);
		s = trimPunctuation(compact.toString()).replace('X', 'x');
		if (s.indexOf('.') < 0 && MISSING_DOT.matcher(s).matches()) {
			s = s.substring(0, 2) + "." + s.substring(2);
		}
		return s;
	}

	private static String dropName(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (Character.UnicodeScript.of(s.codePointAt(i)) == Character.UnicodeScript.HAN) {
				String head = s.substring(0, i);
				return head.chars().anyMatch(Character::isDigit) ? head : s;
			}
		}
		return s;
	}

	private static String trimPunctuation(String s) {
		int start = 0;
		int end = s.length();
		while (start < end && EDGE_PUNCTUATION.indexOf(s.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && EDGE_PUNCTUATION.indexOf(s.charAt(end - 1)) >= 0) {
			end--;
		}
		return s.substring(start, end);
	}

	/**
	 * A code as read and as normalised.
	 *
	 * @param raw as found in the file
	 * @param code the spec spelling, or null when the text is not a code
	 * @param problem why it is not a code, or null
	 */
	public record NormalisedCode(String raw, @Nullable String code, @Nullable String problem) {

		static NormalisedCode valid(String raw, String code) {
			return new NormalisedCode(raw, code, null);
		}

		static NormalisedCode invalid(String raw, String problem) {
			return new NormalisedCode(raw, null, problem);
		}

		/**
		 * @return whether the text is a code
		 */
		public boolean isValid() {
			return this.code != null;
		}

	}

}
