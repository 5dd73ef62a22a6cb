package cn.rtms.rules.engine.spec;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One edition of one technology's 管理规范, as loaded from
 * {@code specs/<technology>-<edition>.yaml}. Immutable.
 *
 * @param technology catalogue code, e.g. G08
 * @param edition edition label, e.g. 2022
 * @param title full title
 * @param level national or provincial
 * @param jurisdiction GB/T 2260 code where it applies ("000000": whole country)
 * @param issuedOn 印发日期
 * @param effectiveFrom from when the edition applies
 * @param effectiveUntil the last day the edition applies, or {@code null} while no end is
 * known (a newer edition still replaces it from its own effectiveFrom)
 * @param issuedOnAssumed whether issuedOn (and with it effectiveFrom) is an assumption
 * because the source does not state it
 * @param issuedOnNote why the issue date is assumed, when it is
 * @param source where the text comes from
 * @param truncated whether the source text stops early
 * @param truncationNote what is missing, when truncated
 * @param notes transcription defects and interpretation choices
 * @param scope the verbatim definition paragraph
 * @param subTechniques sub-techniques
 * @param routes treatment routes
 * @param procedureCodes ICD-9-CM-3 procedure codes
 * @param parameters named spec parameters (numbers, strings, booleans, lists)
 * @param clauses every numbered item, in source order
 */
public record RequirementSpec(String technology, String edition, String title, SpecLevel level, String jurisdiction,
		LocalDate issuedOn, LocalDate effectiveFrom, @Nullable LocalDate effectiveUntil, boolean issuedOnAssumed,
		@Nullable String issuedOnNote, SourceDocument source, boolean truncated, @Nullable String truncationNote,
		List<String> notes, String scope, List<CodedName> subTechniques, List<CodedName> routes,
		List<ProcedureCode> procedureCodes, Map<String, Object> parameters, List<Clause> clauses) {

	/**
	 * Copies the collections.
	 */
	public RequirementSpec {
		notes = List.copyOf(notes);
		subTechniques = List.copyOf(subTechniques);
		routes = List.copyOf(routes);
		procedureCodes = List.copyOf(procedureCodes);
		parameters = Map.copyOf(parameters);
		clauses = List.copyOf(clauses);
	}

	/**
	 * Returns the spec key.
	 * @return e.g. "G08-2022"
	 */
	public String key() {
		return this.technology + "-" + this.edition;
	}

	/**
	 * Whether the edition applies on a date: on or after effectiveFrom and, when it has
	 * an end, on or before effectiveUntil (regardless of region and of newer editions).
	 * @param date the date
	 * @return {@code true} when it applies
	 */
	public boolean appliesOn(LocalDate date) {
		return !this.effectiveFrom.isAfter(date) && (this.effectiveUntil == null || !date.isAfter(this.effectiveUntil));
	}

	/**
	 * Returns the notice that the issue date is assumed, for verdicts that depend on it.
	 * @return e.g. "本规范印发日期 2023-01-01 为推定日期（…）", or {@code null} when the date is stated
	 * in the source
	 */
	public @Nullable String issuedOnAssumption() {
		if (!this.issuedOnAssumed) {
			return null;
		}
		return "本规范印发日期 " + this.issuedOn + " 为推定日期"
				+ ((this.issuedOnNote != null) ? "（" + this.issuedOnNote + "）" : "")
				+ "，依赖印发日期的判断（本版自何日起适用、“本规范印发之日前”的条件）以此推定为准";
	}

	/**
	 * Returns the citation prefix of this edition.
	 * @return e.g. "G08/2022"
	 */
	public String citationPrefix() {
		return this.technology + "/" + this.edition;
	}

	/**
	 * Finds a clause by its ref.
	 * @param ref e.g. 二(一)2
	 * @return the clause or {@code null}
	 */
	public @Nullable Clause clause(String ref) {
		for (Clause clause : this.clauses) {
			if (clause.ref().equals(ref)) {
				return clause;
			}
		}
		return null;
	}

	/**
	 * Counts clauses with a rule.
	 * @return the count
	 */
	public int ruleCount() {
		int count = 0;
		for (Clause clause : this.clauses) {
			count += (clause.rule() != null) ? 1 : 0;
		}
		return count;
	}

	/**
	 * Counts clauses with an attestation.
	 * @return the count
	 */
	public int attestationCount() {
		int count = 0;
		for (Clause clause : this.clauses) {
			count += (clause.attestation() != null) ? 1 : 0;
		}
		return count;
	}

}
