package cn.rtms.rules;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A what-if request that cannot be evaluated as sent. 422
 * {@code INVALID_EVALUATION_REQUEST}.
 */
public class InvalidEvaluationRequest extends ProblemException {

	/**
	 * @param field the offending field
	 * @param message why, in Chinese
	 */
	public InvalidEvaluationRequest(String field, String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_EVALUATION_REQUEST", "评估请求有误", message,
				List.of(new FieldProblem(field, message)));
	}

}
