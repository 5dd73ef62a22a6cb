package cn.rtms.training.trainee;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A refused change of the training file, with a stable code and a Chinese detail; nothing
 * is saved. The codes:
 * <ul>
 * <li>404 {@code TRAINEE_FILE_NOT_FOUND}, {@code TRAINING_BASE_NOT_FOUND},
 * {@code TRAINING_EXEMPTION_NOT_FOUND}, {@code OVERSEAS_TRAINING_NOT_FOUND};</li>
 * <li>400 {@code TRAINEE_INVALID} (a field out of bounds),
 * {@code TRAINEE_CASE_OUTSIDE_PERIOD}, {@code TRAINEE_INSTRUCTOR_NOT_QUALIFIED};</li>
 * <li>409 {@code TRAINEE_ALREADY_ENROLLED}, {@code TRAINEE_FILE_CLOSED},
 * {@code TRAINEE_FILE_STALE}, {@code TRAINING_EXEMPTION_DECIDED},
 * {@code OVERSEAS_TRAINING_ASSESSED};</li>
 * <li>422 {@code TRAINEE_BASE_NOT_FILED}, {@code TRAINEE_PREREQUISITES_UNMET},
 * {@code TRAINEE_EXAMS_MISSING}, {@code TRAINING_EXEMPTION_NOT_PROVIDED},
 * {@code TRAINING_EXEMPTION_NOT_MET}, {@code OVERSEAS_TRAINING_NOT_ALLOWED},
 * {@code TRAINEE_NOT_AT_INSTITUTION}.</li>
 * </ul>
 */
public class TraineeProblem extends ProblemException {

	TraineeProblem(HttpStatus status, String code, String title, String detail) {
		super(status, code, title, detail, List.of());
	}

	TraineeProblem(String title, List<FieldProblem> errors) {
		super(HttpStatus.BAD_REQUEST, "TRAINEE_INVALID", title,
				String.join("；", errors.stream().map(FieldProblem::message).toList()), errors);
	}

	static TraineeProblem invalid(String field, String message) {
		return new TraineeProblem("培训档案数据有误", List.of(new FieldProblem(field, message)));
	}

	static TraineeProblem notFound(String code, String what) {
		return new TraineeProblem(HttpStatus.NOT_FOUND, code, what + "不存在", "没有该" + what);
	}

	static TraineeProblem conflict(String code, String title, String detail) {
		return new TraineeProblem(HttpStatus.CONFLICT, code, title, detail);
	}

	static TraineeProblem unprocessable(String code, String title, String detail) {
		return new TraineeProblem(HttpStatus.UNPROCESSABLE_ENTITY, code, title, detail);
	}

	static TraineeProblem bad(String code, String title, String detail) {
		return new TraineeProblem(HttpStatus.BAD_REQUEST, code, title, detail);
	}

}
