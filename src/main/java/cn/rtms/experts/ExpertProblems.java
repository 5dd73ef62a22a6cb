package cn.rtms.experts;

import java.util.List;

import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;

import org.springframework.http.HttpStatus;

/** The experts module's problems (RFC 9457, Chinese, stable codes). */
final class ExpertProblems {

	private ExpertProblems() {
	}

	/** 422 {@code INVALID_EXPERT}: a profile or draw request with wrong fields. */
	static ProblemException invalid(List<FieldProblem> problems) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_EXPERT", "专家信息有误",
				"专家信息有误：" + String.join("；", problems.stream().map(FieldProblem::message).toList()), problems);
	}

	/** 404 {@code EXPERT_NOT_FOUND}. */
	static ProblemException notFound(Object id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "EXPERT_NOT_FOUND", "专家不存在", "未找到 ID 为 " + id + " 的评审专家",
				List.of());
	}

	/** 409 {@code EXPERT_STALE}: the profile changed since the caller read it. */
	static ProblemException stale(long expected, long actual) {
		return new ProblemException(HttpStatus.CONFLICT, "EXPERT_STALE", "专家信息已被他人修改",
				"专家信息已被他人修改（您看到的是版本 " + expected + "，当前版本 " + actual + "），请刷新后重试；本次修改未生效", List.of());
	}

	/**
	 * 422 {@code EXPERT_RECUSED}: an expert employed by the institution under review.
	 */
	static ProblemException recused(String detail) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "EXPERT_RECUSED", "评审专家须回避", detail,
				List.of(new FieldProblem("expertIds", detail)));
	}

	/**
	 * 422 {@code EXPERT_NOT_ASSIGNABLE}: not an active expert of a pool within reach.
	 */
	static ProblemException notAssignable(String detail) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "EXPERT_NOT_ASSIGNABLE", "不能指派该评审专家", detail,
				List.of(new FieldProblem("expertIds", detail)));
	}

	/** 422 {@code EXPERT_DRAW_SHORT}: fewer matching experts than asked for. */
	static ProblemException drawShort(String detail) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "EXPERT_DRAW_SHORT", "符合条件的专家不足", detail,
				List.of(new FieldProblem("count", detail)));
	}

}
