package cn.rtms.rules.engine.spec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * All loaded spec editions, and the choice of the edition in force for a technology, a
 * date and a region. Immutable.
 */
public final class SpecLibrary {

	/** Jurisdiction code meaning "the whole country". */
	public static final String NATIONWIDE = "000000";

	private final Map<String, RequirementSpec> byKey;

	private SpecLibrary(Map<String, RequirementSpec> byKey) {
		this.byKey = byKey;
	}

	/**
	 * Creates a library.
	 * @param specs the specs; keys must be unique
	 * @return the library
	 * @throws IllegalArgumentException when two specs share a key
	 */
	public static SpecLibrary of(List<RequirementSpec> specs) {
		Map<String, RequirementSpec> byKey = new LinkedHashMap<>();
		List<RequirementSpec> sorted = new ArrayList<>(specs);
		sorted.sort(Comparator.comparing(RequirementSpec::key));
		for (RequirementSpec spec : sorted) {
			if (byKey.putIfAbsent(spec.key(), spec) != null) {
				throw new IllegalArgumentException("规范 " + spec.key() + " 重复");
			}
		}
		return new SpecLibrary(byKey);
	}

	/**
	 * Returns every spec, sorted by key.
	 * @return the specs
	 */
	public List<RequirementSpec> all() {
		return List.copyOf(this.byKey.values());
	}

	/**
	 * Finds a spec by key.
	 * @param key e.g. G08-2022
	 * @return the spec, if loaded
	 */
	public Optional<RequirementSpec> find(String key) {
		return Optional.ofNullable(this.byKey.get(key));
	}

	/**
	 * Returns the technology codes that have at least one spec.
	 * @return sorted codes
	 */
	public List<String> technologies() {
		TreeSet<String> codes = new TreeSet<>();
		for (RequirementSpec spec : this.byKey.values()) {
			codes.add(spec.technology());
		}
		return List.copyOf(codes);
	}

	/**
	 * Returns the editions of a technology, oldest first (by effectiveFrom, then key).
	 * @param technology e.g. G08
	 * @return the editions, possibly empty
	 */
	public List<RequirementSpec> editions(String technology) {
		List<RequirementSpec> editions = new ArrayList<>();
		for (RequirementSpec spec : this.byKey.values()) {
			if (spec.technology().equals(technology)) {
				editions.add(spec);
			}
		}
		editions.sort(Comparator.comparing(RequirementSpec::effectiveFrom).thenComparing(RequirementSpec::key));
		return editions;
	}

	/**
	 * Picks the edition in force: among editions that apply on the date
	 * ({@code effectiveFrom <= date}, and {@code date <= effectiveUntil} when the edition
	 * has an end) whose jurisdiction covers the region, the one with the newest
	 * effectiveFrom (on a tie, the more local jurisdiction).
	 * @param technology e.g. G08
	 * @param date the date
	 * @param regionCode the institution's GB/T 2260 code, or {@code null} (then only
	 * nationwide specs apply)
	 * @return the edition, if any applies
	 */
	public Optional<RequirementSpec> inForce(String technology, LocalDate date, @Nullable String regionCode) {
		RequirementSpec best = null;
		for (RequirementSpec spec : editions(technology)) {
			if (!spec.appliesOn(date) || !covers(spec.jurisdiction(), regionCode)) {
				continue;
			}
			if (best == null || spec.effectiveFrom().isAfter(best.effectiveFrom())
					|| (spec.effectiveFrom().equals(best.effectiveFrom())
							&& prefix(spec.jurisdiction()).length() > prefix(best.jurisdiction()).length())) {
				best = spec;
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * The edition that takes over from this one in its whole jurisdiction: the next
	 * edition of the same technology and jurisdiction to take effect (newest in force
	 * wins, see {@link #inForce}), unless this one ended by its own
	 * {@code effectiveUntil} before that. A provincial edition that takes over only in
	 * its province is not a successor of a national one.
	 * @param spec an edition
	 * @return its successor, empty when it has none
	 */
	public Optional<RequirementSpec> successor(RequirementSpec spec) {
		return editions(spec.technology()).stream()
			.filter(next -> next.jurisdiction().equals(spec.jurisdiction())
					&& next.effectiveFrom().isAfter(spec.effectiveFrom()))
			.findFirst()
			.filter(next -> spec.effectiveUntil() == null || !spec.effectiveUntil().isBefore(next.effectiveFrom()));
	}

	/**
	 * Whether a jurisdiction covers a region: "000000" covers everything; otherwise the
	 * jurisdiction without its trailing "00" pairs (province "22", city "2201") must
	 * prefix the region code.
	 * @param jurisdiction the spec's jurisdiction
	 * @param regionCode the region, or {@code null}
	 * @return {@code true} when covered
	 */
	public static boolean covers(String jurisdiction, @Nullable String regionCode) {
		String prefix = prefix(jurisdiction);
		if (prefix.isEmpty()) {
			return true;
		}
		return regionCode != null && regionCode.startsWith(prefix);
	}

	private static String prefix(String jurisdiction) {
		String prefix = jurisdiction;
		while (prefix.endsWith("00")) {
			prefix = prefix.substring(0, prefix.length() - 2);
		}
		return prefix;
	}

}
