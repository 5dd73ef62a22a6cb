package cn.rtms.identity.web;

import java.util.List;
import java.util.UUID;

import cn.rtms.identity.AuthorityAccounts;
import cn.rtms.identity.AuthorityAccounts.SubordinateAccount;
import cn.rtms.identity.CreateSubordinateAccount;
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

/** Subordinate accounts run by provincial and city authorities (docs/experts.md). */
@RestController
@Tag(name = "下级账号", description = "省级、市（州）级卫生健康行政部门管理本辖区下级卫生健康行政部门和专家库账号")
class AuthorityAccountController {

	private final AuthorityAccounts accounts;

	AuthorityAccountController(AuthorityAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/authority/accounts")
	@Operation(summary = "本辖区下级账号与专家账号")
	List<SubordinateAccount> list() {
		return this.accounts.list();
	}

	@PostMapping("/api/authority/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建下级卫生健康行政部门账号", description = "只能创建本辖区内低于本级的账号；初始密码首次登录后必须修改")
	SubordinateAccount create(@Valid @RequestBody CreateSubordinateAccount command) {
		return this.accounts.create(command);
	}

	@PostMapping("/api/authority/accounts/{id}/disable")
	@Operation(summary = "停用下级账号")
	SubordinateAccount disable(@PathVariable UUID id) {
		return this.accounts.setEnabled(id, false);
	}

	@PostMapping("/api/authority/accounts/{id}/enable")
	@Operation(summary = "启用下级账号")
	SubordinateAccount enable(@PathVariable UUID id) {
		return this.accounts.setEnabled(id, true);
	}

	@PostMapping("/api/authority/accounts/{id}/password-reset")
	@Operation(summary = "重置下级账号密码", description = "设置临时密码，用户下次登录后必须修改")
	SubordinateAccount resetPassword(@PathVariable UUID id, @Valid @RequestBody TemporaryPassword body) {
		return this.accounts.resetPassword(id, body.password());
	}

	record TemporaryPassword(@NotBlank(message = "临时密码不能为空") @Size(max = AuthController.MAX_PASSWORD,
			message = "密码不能超过 " + AuthController.MAX_PASSWORD + " 个字符") String password) {
	}

}
