package cn.rtms.cases.codes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which listed code of the spec code lists a normalised procedure code stands for. The
 * one matching rule of the {@code cases} module (gate, case form, discharge scan):
 * <ul>
 * <li>a listed code matches itself;</li>
 * <li>a listed code without extension ending in {@code 00} ({@code 17.4100}) stands for
 * its whole ICD-9-CM-3 subcategory: {@code 17.41}, {@code 17.4100}, {@code 17.4101},
 * {@code 17.4100x003} all match it;</li>
 * <li>a listed code with an extension ({@code 06.3100x001}), or not ending in 00
 * ({@code 52.2202}), matches only itself;</li>
 * <li>a code that matches nothing but shares the six-digit stem with a listed extension
 * code ({@code 06.3100x009} beside {@code 06.3100x001}) is reported by
 * {@link #nearExtension}, never matched by guess.</li>
 * </ul>
 * Listed codes are normalised with {@link ProcedureCodeNormaliser} too. What to do with
 * the entries of a matched code (edition in force, newest sub-technique, robotic pairing)
 * is the caller's policy. Immutable.
 *
 * @param <E> the caller's entry of a listed code
 */
public final class ProcedureCodeMatcher<E> {

	private final Map<String, List<E>> byCode = new LinkedHashMap<>();

	private final Map<String, String> subcategories = new LinkedHashMap<>();

	private final Map<String, String> extensionStems = new LinkedHashMap<>();

	private ProcedureCodeMatcher(List<E> entries, Function<E, String> code) {
		for (E entry : entries) {
			String raw = code.apply(entry);
			String listed = ProcedureCodeNormaliser.code(raw).orElse(raw.strip());
			this.byCode.computeIfAbsent(listed, c -> new ArrayList<>()).add(entry);
			int x = listed.indexOf('x', 3);
			if (x < 0 && listed.length() == 7 && listed.endsWith("00")) {
				this.subcategories.put(listed.substring(0, 5), listed);
			}
			if (x > 0 && listed.length() > 7 && listed.charAt(7) == 'x') {
				this.extensionStems.putIfAbsent(listed.substring(0, 7), listed);
			}
		}
	}

	/**
	 * @param <E> the entry type
	 * @param entries the listed codes, in list order
	 * @param code the code of an entry as the spec spells it
	 * @return the matcher
	 */
	public static <E> ProcedureCodeMatcher<E> of(List<E> entries, Function<E, String> code) {
		return new ProcedureCodeMatcher<>(entries, code);
	}

	/**
	 * @param code a normalised code
	 * @return the listed codes it matches, best first: itself, then the subcategory's
	 * {@code NN.NN00}
	 */
	public List<String> listedCodes(String code) {
		List<String> found = new ArrayList<>(2);
		if (this.byCode.containsKey(code)) {
			found.add(code);
		}
		if (code.length() >= 5 && (code.length() == 5 || Character.isDigit(code.charAt(5)))) {
			String sub = this.subcategories.get(code.substring(0, 5));
			if (sub != null && !sub.equals(code)) {
				found.add(sub);
			}
		}
		return found;
	}

	/**
	 * @param listedCode a listed code as {@link #listedCodes} returns it
	 * @return its entries, in list order
	 */
	public List<E> entries(String listedCode) {
		return this.byCode.getOrDefault(listedCode, List.of());
	}

	/**
	 * @param code a normalised code
	 * @return the entries of the best listed code it matches (empty: none)
	 */
	public List<E> find(String code) {
		List<String> listed = listedCodes(code);
		return listed.isEmpty() ? List.of() : entries(listed.get(0));
	}

	/**
	 * @param code a normalised code
	 * @return whether it matches a listed code
	 */
	public boolean contains(String code) {
		return !listedCodes(code).isEmpty();
	}

	/**
	 * @param code a normalised code that matches nothing
	 * @return the first entry of a listed extension code with the same six-digit stem
	 * ({@code 06.3100x001} for {@code 06.3100x009}), if any
	 */
	public Optional<E> nearExtension(String code) {
		if (code.length() > 7 && code.charAt(7) == 'x') {
			String near = this.extensionStems.get(code.substring(0, 7));
			if (near != null) {
				return Optional.of(entries(near).get(0));
			}
		}
		return Optional.empty();
	}

}
