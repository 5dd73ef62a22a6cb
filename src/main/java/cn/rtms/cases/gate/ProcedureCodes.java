package cn.rtms.cases.gate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import cn.rtms.cases.codes.ProcedureCodeMatcher;
import cn.rtms.cases.codes.ProcedureCodeNormaliser;
import cn.rtms.rules.SpecProcedureCodes.Entry;
import org.jspecify.annotations.Nullable;

/**
 * Maps a hospital's ICD-9-CM-3 (临床版) procedure code to a restricted technology through
 * the code lists of the spec editions. The code is normalised and matched as everywhere
 * in the {@code cases} module ({@link ProcedureCodeNormaliser},
 * {@link ProcedureCodeMatcher}, the rules of the discharge scan): blanks anywhere ("52.
 * 2200x007"), full-width digits, letters and dot, "×" for x, an upper-case X
 * ("54.4X00X055"), a missing dot ("502400x002", "544x00x055"); a listed {@code NN.NN00}
 * stands for its whole subcategory ("17.41", "17.4101", "17.4100x003" are 17.4100).
 * <p>
 * The gate's own policy is the date: the edition in force on the day decides; when that
 * edition lists no codes (G08-2022), the list of another edition of the same technology
 * is used; when no edition is in force, the code maps to nothing. (The discharge scan
 * maps with every edition's list whatever the day.)
 */
public final class ProcedureCodes {

	/**
	 * A code found in a spec edition.
	 *
	 * @param technology the technology
	 * @param subTechnique the sub-technique the code implies, or null
	 * @param code the spec's code
	 * @param name its Chinese name
	 * @param specKey the edition whose list holds it
	 */
	public record Match(String technology, @Nullable String subTechnique, String code, String name, String specKey) {
	}

	private final ProcedureCodeMatcher<Entry> matcher;

	private final Set<String> editionsWithCodes = new HashSet<>();

	/**
	 * @param entries every listed code of every edition
	 */
	public ProcedureCodes(List<Entry> entries) {
		this.matcher = ProcedureCodeMatcher.of(entries, Entry::code);
		for (Entry entry : entries) {
			this.editionsWithCodes.add(entry.specKey());
		}
	}

	/**
	 * @param raw a code as a hospital system sends it
	 * @return the normalised code, empty when it cannot be an ICD-9-CM-3 code
	 */
	public static Optional<String> normalise(@Nullable String raw) {
		return ProcedureCodeNormaliser.code(raw);
	}

	/**
	 * @param normalised a normalised code
	 * @param inForce the key of the edition in force for a technology on the day (and the
	 * institution's region), if any
	 * @return the technology the code belongs to on that day, if any
	 */
	public Optional<Match> find(String normalised, Function<String, Optional<String>> inForce) {
		for (String candidate : this.matcher.listedCodes(normalised)) {
			Map<String, List<Entry>> byTechnology = new LinkedHashMap<>();
			for (Entry entry : this.matcher.entries(candidate)) {
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
