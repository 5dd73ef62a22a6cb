package cn.rtms.identity.web;

import java.util.List;
import java.util.UUID;

import cn.rtms.identity.CreateInstitutionAccount;
import cn.rtms.identity.InstitutionAccounts;
import cn.rtms.identity.InstitutionAccounts.ActivationView;
import cn.rtms.identity.IssuedActivation;
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

/**
 * 本院账号管理 (the hospital administrator's own institution's accounts) and the public
 * one-time activation (设置密码) of accounts created without a password (docs/onboarding.md).
 */
@RestController
@Tag(name = "本院账号管理", description = "医院管理员：本院医务科、培训基地管理员、医师账号的新建、停用/启用、重置（一次性激活链接）；账号激活")
class InstitutionAccountController {

	private final InstitutionAccounts accounts;

	InstitutionAccountController(InstitutionAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/institution-accounts")
	@Operation(summary = "本院账号列表")
	List<UserSummary> list() {
		return this.accounts.list();
	}

	@PostMapping("/api/institution-accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建本院账号", description = "不设密码：返回一次性激活链接，由账号本人设置密码")
	IssuedActivation create(@Valid @RequestBody CreateInstitutionAccount command) {
		return this.accounts.create(command);
	}

	@PostMapping("/api/institution-accounts/{id}/disable")
	@Operation(summary = "停用本院账号")
	UserSummary disable(@PathVariable UUID id) {
		return this.accounts.setEnabled(id, false);
	}

	@PostMapping("/api/institution-accounts/{id}/enable")
	@Operation(summary = "启用本院账号")
	UserSummary enable(@PathVariable UUID id) {
		return this.accounts.setEnabled(id, true);
	}

	@PostMapping("/api/institution-accounts/{id}/reset")
	@Operation(summary = "重置本院账号", description = "原密码作废，发放新的一次性激活链接")
	IssuedActivation reset(@PathVariable UUID id) {
		return this.accounts.reset(id);
	}

	@PostMapping("/api/public/activation/inspect")
	@Operation(summary = "查看激活链接对应的账号", description = "无需登录；链接无效、已使用、已失效或已过期时返回相应错误")
	ActivationView inspect(@Valid @RequestBody ActivationTokenRequest body) {
		return this.accounts.inspect(body.token());
	}

	@PostMapping("/api/public/activation")
	@Operation(summary = "激活账号（设置密码）", description = "无需登录；激活链接只能使用一次")
	ActivationResult activate(@Valid @RequestBody ActivationPasswordRequest body) {
		return new ActivationResult(this.accounts.activate(body.token(), body.password()));
	}

	record ActivationTokenRequest(@NotBlank(message = "激活令牌不能为空") @Size(max = 100, message = "激活令牌无效") String token) {
	}

	record ActivationPasswordRequest(@NotBlank(message = "激活令牌不能为空") @Size(max = 100, message = "激活令牌无效") String token,
			@NotBlank(message = "密码不能为空") @Size(max = AuthController.MAX_PASSWORD,
					message = "密码不能超过 " + AuthController.MAX_PASSWORD + " 个字符") String password) {
	}

	record ActivationResult(String username) {
	}

}
