package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.rtms.rules.engine.spec.RequirementSpec;
import org.jspecify.annotations.Nullable;

/**
 * What other modules need to know of a spec edition without its clauses: key, validity,
 * sub-techniques, routes and procedure-code list (the case registry builds its forms and
 * checks from it).
 *
 * @param key {@code <technology>-<edition>}
 * @param technology technology code
 * @param edition edition
 * @param effectiveFrom first day it applies
 * @param effectiveUntil last day it applies, or null
 * @param subTechniques code → Chinese name, in spec order
 * @param routes code → Chinese name, in spec order
 * @param procedureCodes the ICD-9-CM-3 code list (empty when the spec has none)
 */
public record SpecOutline(String key, String technology, String edition, LocalDate effectiveFrom,
		@Nullable LocalDate effectiveUntil, Map<String, String> subTechniques, Map<String, String> routes,
		List<Code> procedureCodes) {

	/**
	 * A procedure code of the spec's list.
	 *
	 * @param code the code as the spec writes it
	 * @param name Chinese name
	 * @param subTechnique the sub-technique it belongs to, or null
	 */
	public record Code(String code, String name, @Nullable String subTechnique) {
	}

	static SpecOutline of(RequirementSpec spec) {
		Map<String, String> subs = new java.util.LinkedHashMap<>();
		spec.subTechniques().forEach(s -> subs.put(s.code(), s.name()));
		Map<String, String> routes = new java.util.LinkedHashMap<>();
		spec.routes().forEach(r -> routes.put(r.code(), r.name()));
		return new SpecOutline(spec.key(), spec.technology(), spec.edition(), spec.effectiveFrom(),
				spec.effectiveUntil(), java.util.Collections.unmodifiableMap(subs),
				java.util.Collections.unmodifiableMap(routes),
				spec.procedureCodes().stream().map(c -> new Code(c.code(), c.name(), c.subTechnique())).toList());
	}

}
