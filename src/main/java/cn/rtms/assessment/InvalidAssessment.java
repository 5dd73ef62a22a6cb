package cn.rtms.assessment;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A capability assessment that cannot be computed or saved as asked: a period that is
 * reversed, longer than two years or in the future, a physician of another hospital,
 * missing or overlong conclusion and signatures. 400 {@code ASSESSMENT_INVALID} with the
 * fields at fault.
 */
public class InvalidAssessment extends ProblemException {

	/**
	 * @param errors the fields at fault, each with a Chinese message
	 */
	public InvalidAssessment(List<FieldProblem> errors) {
		super(HttpStatus.BAD_REQUEST, "ASSESSMENT_INVALID", "能力评估参数有误",
				String.join("；", errors.stream().map(FieldProblem::message).toList()), errors);
	}

}
