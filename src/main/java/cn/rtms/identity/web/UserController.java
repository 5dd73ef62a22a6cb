package cn.rtms.identity.web;

import java.util.List;
import java.util.UUID;

import cn.rtms.identity.CreateUser;
import cn.rtms.identity.UserManagement;
import cn.rtms.identity.UserSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration (system administrator only). */
@RestController
@Tag(name = "用户管理", description = "系统管理员：创建账号、解锁、停用/启用、重置密码")
class UserController {

	private final UserManagement users;

	UserController(UserManagement users) {
		this.users = users;
	}

	@GetMapping("/api/users")
	@Operation(summary = "用户列表")
	List<UserSummary> list() {
		return this.users.list();
	}

	@GetMapping("/api/users/{id}")
	@Operation(summary = "用户详情")
	UserSummary get(@PathVariable UUID id) {
		return this.users.get(id);
	}

	@PostMapping("/api/users")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建用户", description = "初始密码须符合密码策略，用户首次登录后必须修改")
	UserSummary create(@Valid @RequestBody CreateUser command) {
		return this.users.create(command);
	}

	@PostMapping("/api/users/{id}/unlock")
	@Operation(summary = "解锁账号")
	UserSummary unlock(@PathVariable UUID id) {
		return this.users.unlock(id);
	}

	@PostMapping("/api/users/{id}/disable")
	@Operation(summary = "停用账号")
	UserSummary disable(@PathVariable UUID id) {
		return this.users.setEnabled(id, false);
	}

	@PostMapping("/api/users/{id}/enable")
	@Operation(summary = "启用账号")
	UserSummary enable(@PathVariable UUID id) {
		return this.users.setEnabled(id, true);
	}

	@PostMapping("/api/users/{id}/password-reset")
	@Operation(summary = "重置密码", description = "设置新的初始密码，用户下次登录后必须修改")
	UserSummary resetPassword(@PathVariable UUID id, @Valid @RequestBody PasswordResetRequest body) {
		return this.users.resetPassword(id, body.password());
	}

	record PasswordResetRequest(@NotBlank(message = "新密码不能为空") @Size(max = AuthController.MAX_PASSWORD,
			message = "密码不能超过 " + AuthController.MAX_PASSWORD + " 个字符") String password) {
	}

}
