package cn.rtms.whatif;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A scenario that cannot be evaluated as sent. 422 {@code INVALID_WHAT_IF}. */
public class InvalidScenario extends ProblemException {

	/**
	 * @param field the offending field
	 * @param message why, in Chinese
	 */
	public InvalidScenario(String field, String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_WHAT_IF", "模拟条件有误", message,
				List.of(new FieldProblem(field, message)));
	}

}
