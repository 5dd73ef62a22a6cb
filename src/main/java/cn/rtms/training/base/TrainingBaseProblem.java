package cn.rtms.training.base;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The training-base module's problems (RFC 9457, Chinese detail, stable code):
 * {@code TRAINING_BASE_NOT_FOUND} 404, {@code ILLEGAL_TRAINING_BASE_TRANSITION} 409,
 * {@code TRAINING_BASE_ALREADY_EXISTS} 409, {@code TRAINING_BASE_CONCURRENTLY_MODIFIED}
 * 409, {@code INVALID_TRAINING_BASE_REQUEST} 400. Role and scope refusals are the
 * identity module's 403 {@code FORBIDDEN}.
 */
public class TrainingBaseProblem extends ProblemException {

	TrainingBaseProblem(HttpStatus status, String code, String title, String detail) {
		super(status, code, title, detail, List.of());
	}

	static TrainingBaseProblem notFound(String detail) {
		return new TrainingBaseProblem(HttpStatus.NOT_FOUND, "TRAINING_BASE_NOT_FOUND", "培训基地不存在", detail);
	}

	static TrainingBaseProblem illegalTransition(String detail) {
		return new TrainingBaseProblem(HttpStatus.CONFLICT, "ILLEGAL_TRAINING_BASE_TRANSITION", "培训基地状态不允许该操作", detail);
	}

	static TrainingBaseProblem alreadyExists(String detail) {
		return new TrainingBaseProblem(HttpStatus.CONFLICT, "TRAINING_BASE_ALREADY_EXISTS", "培训基地申请已存在", detail);
	}

	static TrainingBaseProblem concurrentlyModified(String detail) {
		return new TrainingBaseProblem(HttpStatus.CONFLICT, "TRAINING_BASE_CONCURRENTLY_MODIFIED", "培训基地已被他人修改",
				detail);
	}

	static TrainingBaseProblem invalid(String detail) {
		return new TrainingBaseProblem(HttpStatus.BAD_REQUEST, "INVALID_TRAINING_BASE_REQUEST", "培训基地请求有误", detail);
	}

}
