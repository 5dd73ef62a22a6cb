package cn.rtms.cases.discharge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.rtms.cases.CaseForm;
import cn.rtms.cases.CaseInput;
import cn.rtms.cases.PatientInput;
import cn.rtms.cases.codes.ProcedureCodeMatcher;
import cn.rtms.cases.codes.ProcedureCodeNormaliser;
import cn.rtms.cases.discharge.ProcedureCatalogue.Mapping;
import cn.rtms.cases.discharge.ProcedureCatalogue.Note;
import cn.rtms.cases.discharge.ProcedureCatalogue.Procedure;
import cn.rtms.cases.domain.CaseFormLoader;
import cn.rtms.cases.domain.CaseRules;
import cn.rtms.cases.domain.CaseRules.Outcome;
import cn.rtms.cases.gate.ProcedureCodes;
import cn.rtms.rules.SpecOutline;
import cn.rtms.rules.SpecProcedureCodes;
import cn.rtms.rules.SpecProcedureCodesFixture;
import cn.rtms.rules.engine.spec.RequirementSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review F5: the order-entry gate, the case form and the discharge scan read and match a
 * procedure code alike (one normaliser, one matcher): the same input gives the same
 * technology, or the same refusal, in each. The gate's date rule is its own: the day here
 * is one on which every edition involved is in force.
 */
class ProcedureCodeAgreementTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 22);

	static final SpecProcedureCodes GATE_SPECS = SpecProcedureCodesFixture.bundled();

	static final ProcedureCodes GATE = new ProcedureCodes(GATE_SPECS.all());

	static final CaseForm FORM = form("G08-2023.yaml");

	/** The case form's code list of each technology, as CaseManagement builds it. */
	static final Map<String, ProcedureCodeMatcher<SpecOutline.Code>> CASE_LISTS = Map.of("G08", list("G08-2023"), "G10",
			list("G10-2023"));

	static CaseForm form(String file) {
		try {
			return new CaseFormLoader().load(file,
					Files.readString(Path.of("src/main/resources/case-forms").resolve(file), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ProcedureCodeMatcher<SpecOutline.Code> list(String key) {
		RequirementSpec spec = ProcedureCatalogueTests.SPECS.stream()
			.filter(s -> s.key().equals(key))
			.findFirst()
			.orElseThrow();
		List<SpecOutline.Code> codes = spec.procedureCodes()
			.stream()
			.map(c -> new SpecOutline.Code(c.code(), c.name(), c.subTechnique()))
			.toList();
		return ProcedureCodeMatcher.of(codes, SpecOutline.Code::code);
	}

	/** INVALID: refused as no code; "": a code of no restricted technology. */
	static String gate(String raw) {
		return ProcedureCodes.normalise(raw)
			.map(code -> GATE.find(code, tech -> GATE_SPECS.editionInForce(tech, DAY, "220102"))
				.map(ProcedureCodes.Match::technology)
				.orElse(""))
			.orElse("INVALID");
	}

	static String caseForm(String raw) {
		CaseInput draft = new CaseInput(null, "G08", null, null, List.of(raw), "BA001", null,
				new PatientInput("张三丰", null, null, null, null), null, null, null, null, null, List.of(), null,
				List.of(), null, null, Map.of(), List.of());
		Outcome outcome = CaseRules.check(draft,
				new CaseRules.Context(FORM, Set.of(), Set.of(), Set.of(), Map.of(), DAY, false));
		if (outcome.errors().stream().anyMatch(e -> e.code().equals("INVALID_CODE"))) {
			return "INVALID";
		}
		assertThat(outcome.errors()).isEmpty();
		Set<String> technologies = new TreeSet<>();
		CASE_LISTS.forEach((technology, listed) -> {
			if (CaseRules.outsideList(outcome.procedureCodes(), listed).isEmpty()) {
				technologies.add(technology);
			}
		});
		return String.join(",", technologies);
	}

	static String scan(String raw) {
		Mapping mapping = ProcedureCatalogueTests.CATALOGUE.map(ProcedureCodeNormaliser.normalise(raw), List.of());
		if (mapping.notes().stream().anyMatch(n -> n.note() == Note.INVALID_CODE)) {
			return "INVALID";
		}
		return String.join(",", new TreeSet<>(mapping.procedures().stream().map(Procedure::technology).toList()));
	}

	@ParameterizedTest(name = "“{0}” → {1}")
	@CsvSource(delimiter = '|', emptyValue = "", textBlock = """
			17.4101                 | G10
			17.4100x003             | G10
			17.41                   | G10
			１７．４１００            | G10
			063100x001              | G08
			０６．３１００ｘ００１      | G08
			06.3100×001             | G08
			544X00X055              | G08
			06.3100x009             | ''
			99.2900                 | ''
			待补录                   | INVALID
			06.3100x001 17.4200     | INVALID
			""")
	void theGateTheCaseFormAndTheScanAgree(String raw, String technology) {
		assertThat(gate(raw)).as("gate").isEqualTo(technology);
		assertThat(caseForm(raw)).as("case form").isEqualTo(technology);
		assertThat(scan(raw)).as("discharge scan").isEqualTo(technology);
	}

}
