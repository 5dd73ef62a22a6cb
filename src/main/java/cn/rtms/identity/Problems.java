package cn.rtms.identity;

import java.time.Instant;
import java.util.List;

import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** identity's HTTP problems (RFC 9457, Chinese, stable codes). */
final class Problems {

	private Problems() {
	}

	/**
	 * The one answer to an unknown username, a wrong password and a locked account, so
	 * that none of them tells whether the account exists.
	 */
	static ProblemException loginFailed() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "LOGIN_FAILED", "登录失败", LOGIN_FAILED_DETAIL, List.of());
	}

	static final String LOGIN_FAILED_DETAIL = "用户名或密码错误；连续 " + UserManagement.MAX_FAILURES + " 次失败后账号将锁定 "
			+ UserManagement.LOCK_DURATION.toMinutes() + " 分钟，请稍后再试或联系系统管理员";

	/** 429 {@code LOGIN_THROTTLED} with {@code Retry-After}. */
	static ProblemException loginThrottled(long retryAfterSeconds) {
		ProblemException problem = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "LOGIN_THROTTLED", "登录请求过多",
				"来自您所在网络地址的登录请求过多，请 " + retryAfterSeconds + " 秒后再试", List.of());
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		problem.getBody().setProperty("retryAfterSeconds", retryAfterSeconds);
		return problem;
	}

	static ProblemException accountDisabled() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "ACCOUNT_DISABLED", "账号已停用", "该账号已停用，请联系系统管理员", List.of());
	}

	static ProblemException passwordRejected(List<String> reasons) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PASSWORD_POLICY", "密码不符合要求",
				"新密码不符合密码策略：" + String.join("；", reasons),
				reasons.stream().map(r -> new ProblemException.FieldProblem("newPassword", r)).toList());
	}

	static ProblemException wrongOldPassword() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "WRONG_OLD_PASSWORD", "原密码错误", "原密码不正确",
				List.of(new ProblemException.FieldProblem("oldPassword", "原密码不正确")));
	}

	/**
	 * 423 {@code ACCOUNT_LOCKED}: the wrong old password that used up the account's
	 * attempts; the account's sessions, this one included, have been ended.
	 */
	static ProblemException lockedByWrongOldPassword(Instant lockedUntil) {
		return locked("原密码连续 " + UserManagement.MAX_FAILURES + " 次错误，账号已锁定 " + UserManagement.LOCK_DURATION.toMinutes()
				+ " 分钟，本账号的所有登录均已退出；请稍后重新登录，或联系系统管理员解锁", lockedUntil);
	}

	/** 423 {@code ACCOUNT_LOCKED}: a password change while the account is locked. */
	static ProblemException passwordChangeLocked(@Nullable Instant lockedUntil) {
		return locked("账号已锁定（连续 " + UserManagement.MAX_FAILURES + " 次密码错误），锁定期间不能修改密码；请 "
				+ UserManagement.LOCK_DURATION.toMinutes() + " 分钟后再试，或联系系统管理员解锁", lockedUntil);
	}

	private static ProblemException locked(String detail, @Nullable Instant lockedUntil) {
		ProblemException problem = new ProblemException(HttpStatus.LOCKED, "ACCOUNT_LOCKED", "账号已锁定", detail,
				List.of());
		if (lockedUntil != null) {
			problem.getBody().setProperty("lockedUntil", lockedUntil.toString());
		}
		return problem;
	}

	static ProblemException passwordChangeRequired() {
		return new ProblemException(HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED", "需要修改密码",
				"首次登录、密码已被重置或已过期，请先修改密码（POST /api/auth/password）", List.of());
	}

	static ProblemException csrfRefused() {
		return new ProblemException(HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID", "请求被拒绝",
				"缺少或无效的 CSRF 令牌（请求头 X-XSRF-TOKEN 须为本会话的令牌，见 Cookie XSRF-TOKEN），请刷新页面后重试", List.of());
	}

	static ProblemException userNotFound(Object id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "USER_NOT_FOUND", "用户不存在", "未找到 ID 为 " + id + " 的用户",
				List.of());
	}

	static ProblemException invalidUser(List<ProblemException.FieldProblem> problems) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_USER", "用户信息有误",
				"用户信息有误：" + String.join("；", problems.stream().map(p -> p.field() + "：" + p.message()).toList()),
				problems);
	}

	static ProblemException apiKeyRequired() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "API_KEY_REQUIRED", "缺少 API 密钥",
				"此接口仅供医院信息系统调用：请在请求头 Authorization: ApiKey <密钥>（或 X-Api-Key）中提供本院管理员创建的 API 密钥", List.of());
	}

	static ProblemException apiKeyInvalid() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "API_KEY_INVALID", "API 密钥无效",
				"API 密钥无效、已轮换或已吊销，请联系本院医院管理员在“接口密钥”页面查看或重新创建", List.of());
	}

	static ProblemException apiKeyScope() {
		return new ProblemException(HttpStatus.FORBIDDEN, "API_KEY_SCOPE", "API 密钥无权访问该接口",
				"API 密钥只能用于手术准入查询（" + String.join("、", ApiKeyManagement.MACHINE_PATHS) + "），不能访问其他接口", List.of());
	}

	static ProblemException apiKeyNotFound(Object id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "API_KEY_NOT_FOUND", "API 密钥不存在",
				"未找到 ID 为 " + id + " 的 API 密钥", List.of());
	}

	static ProblemException apiKeyRevoked(String name) {
		return new ProblemException(HttpStatus.CONFLICT, "API_KEY_REVOKED", "API 密钥已吊销",
				"API 密钥“" + name + "”已吊销，不能再轮换或吊销；如需继续对接请新建密钥", List.of());
	}

	static ProblemException apiKeyLimit(int max) {
		return new ProblemException(HttpStatus.CONFLICT, "API_KEY_LIMIT", "API 密钥数量已达上限",
				"每个医疗机构最多 " + max + " 个有效的 API 密钥，请先吊销不再使用的密钥", List.of());
	}

	static ProblemException invalidApiKey(String message) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_API_KEY", "API 密钥信息有误",
				"API 密钥信息有误：" + message, List.of(new ProblemException.FieldProblem("name", message)));
	}

}
