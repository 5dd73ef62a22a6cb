package cn.rtms.identity.web;

import java.util.UUID;

import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.LoginThrottle;
import cn.rtms.identity.Role;
import cn.rtms.identity.Sessions;
import cn.rtms.identity.UserManagement;
import cn.rtms.identity.UserManagement.UserContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Login, logout, the current user and password change over HTTP (session cookie). */
@RestController
@Tag(name = "登录与账号", description = "会话登录、退出、当前用户、修改密码")
class AuthController {

	/** Longest login name (identity.user_account.username is varchar(60)). */
	static final int MAX_USERNAME = 60;

	/** Longest password accepted in a request (the policy allows 64). */
	static final int MAX_PASSWORD = 128;

	private final UserManagement users;

	private final IdentityManagement identity;

	private final Sessions sessions;

	private final LoginThrottle throttle;

	AuthController(UserManagement users, IdentityManagement identity, Sessions sessions, LoginThrottle throttle) {
		this.users = users;
		this.identity = identity;
		this.sessions = sessions;
		this.throttle = throttle;
	}

	@PostMapping("/api/auth/login")
	@Operation(summary = "登录", description = "成功后返回当前用户并建立新会话（Cookie JSESSIONID）与新的 CSRF 令牌（Cookie XSRF-TOKEN）。"
			+ "用户名不存在、密码错误与账号锁定（连续 5 次失败锁定 15 分钟）一律答 401 LOGIN_FAILED；"
			+ "同一地址的登录并发受限，过多时答 429 LOGIN_THROTTLED（含 Retry-After）；" + "mustChangePassword=true（初始密码、重置或密码过期）时须先修改密码。")
	UserResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		CurrentUser user;
		try (LoginThrottle.Permit permit = this.throttle.acquire(this.identity.clientAddress())) {
			user = this.users.login(body.username(), body.password());
		}
		this.sessions.signIn(user, request, response);
		return response(user);
	}

	@PostMapping("/api/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "退出登录")
	void logout(HttpServletRequest request, HttpServletResponse response) {
		this.identity.findCurrentUser().ifPresent(this.users::loggedOut);
		this.sessions.signOut(request, response);
	}

	@GetMapping("/api/auth/me")
	@Operation(summary = "当前用户")
	UserResponse me() {
		return response(this.identity.currentUser());
	}

	@PostMapping("/api/auth/password")
	@Operation(summary = "修改密码",
			description = "密码至少 8 位，包含大写字母、小写字母、数字、特殊符号中的至少三类，" + "不能与用户名相同，不能是常见密码（如 Password1、Admin@123）或公开的演示密码。"
					+ "原密码错误与登录失败合并计数：连续 5 次失败锁定账号 15 分钟并退出该账号的所有登录（423 ACCOUNT_LOCKED）；"
					+ "与登录共用同一地址的并发限制（429 LOGIN_THROTTLED）")
	UserResponse changePassword(@Valid @RequestBody PasswordChangeRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		CurrentUser user;
		try (LoginThrottle.Permit permit = this.throttle.acquire(this.identity.clientAddress())) {
			user = this.users.changePassword(body.oldPassword(), body.newPassword());
		}
		this.sessions.refresh(user, request, response);
		return response(user);
	}

	private UserResponse response(CurrentUser user) {
		UserContext context = this.users.context(user);
		return new UserResponse(user.id(), user.username(), user.displayName(), user.role(), user.role().label(),
				user.institutionId(), context.institutionName(), user.personId(), user.regionCode(),
				context.regionName(), user.mustChangePassword());
	}

	record LoginRequest(
			@NotBlank(message = "用户名不能为空") @Size(max = MAX_USERNAME,
					message = "用户名不能超过 " + MAX_USERNAME + " 个字符") String username,
			@NotBlank(message = "密码不能为空") @Size(max = MAX_PASSWORD,
					message = "密码不能超过 " + MAX_PASSWORD + " 个字符") String password) {
	}

	record PasswordChangeRequest(
			@NotBlank(message = "原密码不能为空") @Size(max = MAX_PASSWORD,
					message = "密码不能超过 " + MAX_PASSWORD + " 个字符") String oldPassword,
			@NotBlank(message = "新密码不能为空") @Size(max = MAX_PASSWORD,
					message = "密码不能超过 " + MAX_PASSWORD + " 个字符") String newPassword) {
	}

	/**
	 * The current user (the fields of {@code CurrentUser}) with Chinese labels and names
	 * for display.
	 */
	record UserResponse(UUID id, String username, String displayName, Role role, String roleLabel,
			@Nullable UUID institutionId, @Nullable String institutionName, @Nullable UUID personId,
			@Nullable String regionCode, @Nullable String regionName, boolean mustChangePassword) {
	}

}
