package cn.rtms.cases.export;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * The HAPI FHIR R4 validator, offline: the bundled R4 definitions, in-memory terminology
 * and the common code systems (test scope only, ADR 0018). Building it and the first
 * validation take seconds, so each test JVM builds it once.
 */
public final class FhirValidation {

	static final FhirContext R4 = FhirContext.forR4();

	private static final FhirValidator VALIDATOR = build();

	private FhirValidation() {
	}

	/**
	 * @param resource a FHIR resource as JSON
	 * @return every message of severity ERROR or FATAL, as "location: message"
	 */
	public static List<String> errors(String resource) {
		return messages(resource).stream()
			.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
			.map(m -> m.getLocationString() + ": " + m.getMessage())
			.toList();
	}

	/**
	 * @param resource a FHIR resource as JSON
	 * @return every message of the validator
	 */
	public static List<SingleValidationMessage> messages(String resource) {
		return VALIDATOR.validateWithResult(resource).getMessages();
	}

	private static FhirValidator build() {
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(R4),
				new InMemoryTerminologyServerValidationSupport(R4), new CommonCodeSystemsTerminologyService(R4));
		FhirValidator validator = R4.newValidator();
		validator.registerValidatorModule(new FhirInstanceValidator(chain));
		return validator;
	}

}
