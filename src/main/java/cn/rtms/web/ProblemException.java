package cn.rtms.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every domain exception that reaches HTTP: an RFC 9457 problem with a Chinese
 * title and detail, a stable machine {@code code} and optional field errors. Modules
 * subclass it with specific names ({@code
 * InstitutionNotFound}, {@code InvalidPerson}).
 */
public class ProblemException extends ErrorResponseException {

	private final String code;

	private final List<FieldProblem> errors;

	/**
	 * @param status HTTP status
	 * @param code stable machine code, e.g. {@code INSTITUTION_NOT_FOUND}
	 * @param title short Chinese title
	 * @param detail Chinese explanation naming what was wrong
	 * @param errors field errors, empty when none
	 */
	public ProblemException(HttpStatus status, String code, String title, String detail, List<FieldProblem> errors) {
		super(status, problem(status, code, title, detail, errors), null);
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	private static ProblemDetail problem(HttpStatus status, String code, String title, String detail,
			List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("urn:rtms:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setProperty("code", code);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	/**
	 * @return the stable machine code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * @return field errors
	 */
	public List<FieldProblem> errors() {
		return this.errors;
	}

	@Override
	public String getMessage() {
		return this.code + ": " + getBody().getDetail();
	}

	/**
	 * One invalid field.
	 *
	 * @param field JSON path of the field, e.g. {@code titles[1].since}
	 * @param message Chinese message saying why
	 */
	public record FieldProblem(String field, String message) {
	}

}
