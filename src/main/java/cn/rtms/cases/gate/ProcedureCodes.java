package cn.rtms.cases.gate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.rtms.rules.SpecProcedureCodes.Entry;
import org.jspecify.annotations.Nullable;

/**
 * Maps a hospital's ICD-9-CM-3 (临床版) procedure code to a restricted technology through
 * the code lists of the spec editions. Codes are normalised first, the way HIS exports
 * and the transcribed regulations spell them: blanks anywhere ("52. 2200x007"),
 * full-width digits and dot, an upper-case X ("54.4X00X055"), a missing dot
 * ("502400x002", and the x in the category part of "54.4x00x055" is kept). A four-digit
 * code without extension ("17.41") also matches its "00" extension ("17.4100"). The
 * edition in force on the day decides; when that edition lists no codes (G08-2022), the
 * list of another edition of the same technology is used; when no edition is in force,
 * the code maps to nothing.
 */
final class ProcedureCodes {

	/**
	 * What a normalised code may look like: 2 digits, dot, 1–4 digits or x, optional x+3
	 * digits.
	 */
	static final Pattern CODE = Pattern.compile("\\d{2}\\.[0-9x]{1,4}(x\\d{3})?");

	static final int MAX_LENGTH = 40;

	private static final Pattern SHORT = Pattern.compile("\\d{2}\\.\\d{2}");

	/**
	 * A code found in a spec edition.
	 *
	 * @param technology the technology
	 * @param subTechnique the sub-technique the code implies, or null
	 * @param code the spec's code
	 * @param name its Chinese name
	 * @param specKey the edition whose list holds it
	 */
	record Match(String technology, @Nullable String subTechnique, String code, String name, String specKey) {
	}

	private final Map<String, List<Entry>> byCode = new LinkedHashMap<>();

	private final Set<String> editionsWithCodes = new HashSet<>();

	ProcedureCodes(List<Entry> entries) {
		for (Entry entry : entries) {
			normalise(entry.code())
				.ifPresent(code -> this.byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(entry));
			this.editionsWithCodes.add(entry.specKey());
		}
	}

	/**
	 * @param raw a code as a hospital system sends it
	 * @return the normalised code, empty when it cannot be an ICD-9-CM-3 code
	 */
	static Optional<String> normalise(@Nullable String raw) {
		if (raw == null || raw.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		StringBuilder out = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				continue;
			}
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			if (c == '。') {
				c = '.';
			}
			out.append(c == 'X' ? 'x' : c);
		}
		String code = out.toString();
		if (code.indexOf('.') < 0 && code.length() > 2) {
			code = code.substring(0, 2) + "." + code.substring(2);
		}
		return CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
	}

	/**
	 * @param normalised a normalised code
	 * @param inForce the key of the edition in force for a technology on the day (and the
	 * institution's region), if any
	 * @return the technology the code belongs to on that day, if any
	 */
	Optional<Match> find(String normalised, Function<String, Optional<String>> inForce) {
		List<String> candidates = new ArrayList<>(List.of(normalised));
		if (SHORT.matcher(normalised).matches()) {
			candidates.add(normalised + "00");
		}
		for (String candidate : candidates) {
			Map<String, List<Entry>> byTechnology = new LinkedHashMap<>();
			for (Entry entry : this.byCode.getOrDefault(candidate, List.of())) {
				byTechnology.computeIfAbsent(entry.technology(), t -> new ArrayList<>()).add(entry);
			}
			for (Map.Entry<String, List<Entry>> technology : byTechnology.entrySet()) {
				Optional<String> edition = inForce.apply(technology.getKey());
				if (edition.isEmpty()) {
					continue;
				}
				List<Entry> listed = technology.getValue();
				Entry chosen = listed.stream()
					.filter(e -> e.specKey().equals(edition.get()))
					.findFirst()
					.orElse(this.editionsWithCodes.contains(edition.get()) ? null : listed.get(listed.size() - 1));
				if (chosen != null) {
					return Optional.of(new Match(chosen.technology(), chosen.subTechnique(), chosen.code(),
							chosen.name(), chosen.specKey()));
				}
			}
		}
		return Optional.empty();
	}

}
