package cn.rtms.indicators.fhir;

import java.util.List;

import cn.rtms.cases.export.FhirValidation;

/**
 * The case export's HAPI FHIR R4 validator ({@link FhirValidation}, test scope only, ADR
 * 0018) applied to the indicator resources, with one deliberate exception: the population
 * criteria carry the dictionary's Chinese definition text as an {@code Expression} of
 * language {@code text/plain}. R4 binds {@code Expression.language} extensibly to
 * ExpressionLanguage (text/cql, text/fhirpath, application/x-fhir-query: none of which
 * describes free text), so another media type is allowed; the validator reports it as an
 * unknown code of that code system all the same. Exactly that message, on exactly that
 * element, is set aside — every other error fails the test.
 */
final class IndicatorFhirValidation {

	private IndicatorFhirValidation() {
	}

	static List<String> errors(String resource) {
		return FhirValidation.errors(resource)
			.stream()
			.filter(e -> !(e.contains(".criteria.language: ")
					&& e.endsWith("Unknown code 'http://hl7.org/fhir/expression-language#text/plain'")))
			.toList();
	}

}
