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
		LocalDate issuedOn, LocalDate effectiveFrom, SourceDocument source, boolean truncated,
		@Nullable String truncationNote, List<String> notes, String scope, List<CodedName> subTechniques,
		List<CodedName> routes, List<ProcedureCode> procedureCodes, Map<String, Object> parameters,
		List<Clause> clauses) {

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
