package cn.rtms.rules.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.rules.SpecificationManagement;
import cn.rtms.rules.engine.spec.Clause;
import cn.rtms.rules.engine.spec.CodedName;
import cn.rtms.rules.engine.spec.ProcedureCode;
import cn.rtms.rules.engine.spec.RequirementSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue with its spec status, and the spec editions as readable documents. */
@RestController
@Tag(name = "技术目录与管理规范")
class SpecController {

	private final SpecificationManagement specs;

	private final CatalogManagement catalog;

	private final IdentityManagement identity;

	SpecController(SpecificationManagement specs, CatalogManagement catalog, IdentityManagement identity) {
		this.specs = specs;
		this.catalog = catalog;
		this.identity = identity;
	}

	record TechnologyResponse(String code, String name, String level, String levelLabel, String jurisdiction,
			String catalogueEdition, String status, String statusLabel, String specStatus, String specStatusLabel,
			List<RestrictedTechnology.HistoryEntry> history, List<SpecSummary> specs) {
	}

	/**
	 * One edition in short. {@code effectiveUntil}: last day it applies by its own text
	 * (null: no end known); {@code supersededBy}/{@code supersededOn}: the edition that
	 * takes over in the same jurisdiction and the day it does (so this one last applies
	 * the day before); {@code issuedOnAssumed}/{@code issuedOnNote}: the issue date is an
	 * assumption and why.
	 */
	record SpecSummary(String key, String technology, String edition, String title, String level, String levelLabel,
			String jurisdiction, LocalDate issuedOn, LocalDate effectiveFrom, @Nullable LocalDate effectiveUntil,
			@Nullable String supersededBy, @Nullable LocalDate supersededOn, boolean issuedOnAssumed,
			@Nullable String issuedOnNote, boolean truncated, int clauseCount, int ruleCount, int attestationCount,
			int headingCount) {

		static SpecSummary of(RequirementSpec s, @Nullable RequirementSpec successor) {
			return new SpecSummary(s.key(), s.technology(), s.edition(), s.title(), s.level().name(), s.level().label(),
					s.jurisdiction(), s.issuedOn(), s.effectiveFrom(), s.effectiveUntil(),
					(successor == null) ? null : successor.key(),
					(successor == null) ? null : successor.effectiveFrom(), s.issuedOnAssumed(), s.issuedOnNote(),
					s.truncated(), s.clauses().size(), s.ruleCount(), s.attestationCount(),
					(int) s.clauses().stream().filter(Clause::heading).count());
		}

	}

	private SpecSummary summary(RequirementSpec s) {
		return SpecSummary.of(s, this.specs.successor(s).orElse(null));
	}

	record ClauseResponse(String ref, String citation, String section, String sectionLabel, String subject,
			String subjectLabel, List<String> staffRoles, String text, boolean heading, @Nullable String pathway,
			@Nullable String pathwayLabel, @Nullable String ruleSummary, @Nullable Map<String, String> attestation) {

		static ClauseResponse of(Clause c) {
			return new ClauseResponse(c.ref(), c.citation(), c.section().name(), c.section().label(),
					c.subject().name(), c.subject().label(), c.staffRoles().stream().map(Enum::name).toList(), c.text(),
					c.heading(), c.pathway() == null ? null : c.pathway().name(),
					c.pathway() == null ? null : c.pathway().label(), c.ruleSummary(),
					c.attestation() == null ? null
							: c.attestation().onlyWhenUndecided()
									? Map.of("evidence", c.attestation().evidence(), "when", "UNDECIDED")
									: Map.of("evidence", c.attestation().evidence()));
		}

	}

	/**
	 * A spec edition as a document. {@code notes}: the spec editor's notes (transcription
	 * defects, field names, interpretation choices), sent to the system administrator
	 * only, empty for everybody else.
	 */
	record SpecResponse(SpecSummary summary, String key, String technology, String edition, String title, String level,
			String jurisdiction, LocalDate issuedOn, LocalDate effectiveFrom, @Nullable LocalDate effectiveUntil,
			boolean issuedOnAssumed, @Nullable String issuedOnNote, boolean truncated, @Nullable String truncationNote,
			String sourceFile, String sourceDocument, List<String> notes, String scope, List<CodedName> subTechniques,
			List<CodedName> routes, List<ProcedureCode> procedureCodes, Map<String, Object> parameters,
			List<ClauseResponse> clauses) {
	}

	@GetMapping("/api/technologies")
	@Operation(summary = "限制类技术目录（含规范录入状态）")
	List<TechnologyResponse> technologies() {
		return this.catalog.technologies().stream().map(this::technology).toList();
	}

	@GetMapping("/api/technologies/{code}")
	@Operation(summary = "单项限制类技术及其各版本管理规范")
	TechnologyResponse technology(@PathVariable String code) {
		return technology(this.catalog.get(code));
	}

	private TechnologyResponse technology(RestrictedTechnology t) {
		List<SpecSummary> editions = this.specs.editions(t.code()).stream().map(this::summary).toList();
		return new TechnologyResponse(t.code(), t.name(), t.level().name(), t.level().label(), t.jurisdiction(),
				t.catalogueEdition(), t.status().name(), t.status().label(),
				editions.isEmpty() ? "NOT_ENCODED" : "ENCODED", editions.isEmpty() ? "规范未录入" : "规范已录入", t.history(),
				editions);
	}

	@GetMapping("/api/specs")
	@Operation(summary = "全部管理规范版本")
	List<SpecSummary> specs() {
		return this.specs.all().stream().map(this::summary).toList();
	}

	@GetMapping("/api/specs/{key}")
	@Operation(summary = "管理规范全文（逐条）", description = "key 形如 G08-2022")
	SpecResponse spec(@PathVariable String key) {
		RequirementSpec s = this.specs.get(key);
		return new SpecResponse(summary(s), s.key(), s.technology(), s.edition(), s.title(), s.level().name(),
				s.jurisdiction(), s.issuedOn(), s.effectiveFrom(), s.effectiveUntil(), s.issuedOnAssumed(),
				s.issuedOnNote(), s.truncated(), s.truncationNote(), s.source().file(), s.source().document(),
				editorNotes(s), s.scope(), s.subTechniques(), s.routes(), s.procedureCodes(), s.parameters(),
				s.clauses().stream().map(ClauseResponse::of).toList());
	}

	private List<String> editorNotes(RequirementSpec spec) {
		boolean admin = this.identity.findCurrentUser().map((user) -> user.role() == Role.SYSTEM_ADMIN).orElse(false);
		return admin ? spec.notes() : List.of();
	}

}
