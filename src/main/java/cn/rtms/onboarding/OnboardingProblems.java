package cn.rtms.onboarding;

import java.util.List;

import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** onboarding's HTTP problems (RFC 9457, Chinese, stable codes). */
final class OnboardingProblems {

	private OnboardingProblems() {
	}

	static ProblemException throttled(String what, long retryAfterSeconds) {
		ProblemException problem = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "REGISTRATION_THROTTLED",
				"请求过于频繁", "来自您所在网络地址的" + what + "过多，请 " + Math.max(1, retryAfterSeconds / 60) + " 分钟后再试", List.of());
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		problem.getBody().setProperty("retryAfterSeconds", retryAfterSeconds);
		return problem;
	}

	static ProblemException captchaWrong() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CAPTCHA_WRONG", "验证码错误",
				"验证码计算结果不正确，请刷新验证码后重新填写", List.of(new FieldProblem("captchaAnswer", "验证码错误")));
	}

	static ProblemException captchaInvalid() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CAPTCHA_INVALID", "验证码已失效",
				"验证码已使用或已过期（每个验证码只能使用一次，有效期 10 分钟），请刷新验证码后重新填写", List.of(new FieldProblem("captchaAnswer", "验证码已失效")));
	}

	static ProblemException invalid(List<FieldProblem> problems) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_REGISTRATION", "注册信息有误",
				"注册信息有误：" + String.join("；", problems.stream().map(FieldProblem::message).toList()), problems);
	}

	static ProblemException duplicate(String field, String message) {
		return new ProblemException(HttpStatus.CONFLICT, "REGISTRATION_DUPLICATE", "已注册", message,
				List.of(new FieldProblem(field, message)));
	}

	static ProblemException notFound() {
		return new ProblemException(HttpStatus.NOT_FOUND, "REGISTRATION_NOT_FOUND", "注册申请不存在", "未找到该注册申请：请核对查询链接是否完整",
				List.of());
	}

	static ProblemException wrongState(String status, String action) {
		return new ProblemException(HttpStatus.CONFLICT, "REGISTRATION_STATE", "注册申请状态不允许此操作",
				"注册申请当前状态为“" + status + "”，不能" + action, List.of());
	}

	static ProblemException regionNotCovered(String what) {
		return new ProblemException(HttpStatus.FORBIDDEN, "REGION_NOT_COVERED", "不在管辖范围内", what, List.of());
	}

}
