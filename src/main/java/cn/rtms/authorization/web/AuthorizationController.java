package cn.rtms.authorization.web;

import java.util.List;
import java.util.UUID;

import cn.rtms.authorization.AuthorizationDetails;
import cn.rtms.authorization.AuthorizationManagement;
import cn.rtms.authorization.ReminderManagement;
import cn.rtms.authorization.Reminders;
import cn.rtms.authorization.domain.AuthorizationStatus;
import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 手术/技术授权 and expiry reminders over HTTP (docs/authorization.md). */
@RestController
@Tag(name = "授权", description = "医师手术/技术授权与到期提醒")
class AuthorizationController {

	private final AuthorizationManagement authorizations;

	private final ReminderManagement reminders;

	AuthorizationController(AuthorizationManagement authorizations, ReminderManagement reminders) {
		this.authorizations = authorizations;
		this.reminders = reminders;
	}

	@GetMapping("/api/authorizations")
	@Operation(summary = "授权列表（当前用户可见范围）")
	List<AuthorizationDetails> list(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable UUID personId,
			@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable AuthorizationStatus status,
			@RequestParam(defaultValue = "false") boolean effective) {
		return this.authorizations.search(institutionId, personId, technology, status, effective);
	}

	@GetMapping("/api/authorizations/{id}")
	@Operation(summary = "授权详情")
	AuthorizationDetails get(@PathVariable UUID id) {
		return this.authorizations.get(id);
	}

	@PostMapping("/api/authorizations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "申请/登记授权（待审批）")
	AuthorizationDetails create(@Valid @RequestBody AuthorizationRequest request) {
		UUID personId = request.personId();
		if (personId == null) {
			throw invalid("personId", "医师不能为空");
		}
		return this.authorizations.create(personId, request.terms());
	}

	@PutMapping("/api/authorizations/{id}")
	@Operation(summary = "修改待审批的授权")
	AuthorizationDetails update(@PathVariable UUID id, @Valid @RequestBody AuthorizationRequest request) {
		Integer version = request.version();
		if (version == null) {
			throw invalid("version", "version 不能为空");
		}
		return this.authorizations.update(id, version, request.terms());
	}

	@PostMapping("/api/authorizations/{id}/grant")
	@Operation(summary = "批准授权（医院管理员；须符合资质）")
	AuthorizationDetails grant(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request) {
		return this.authorizations.grant(id, request.version());
	}

	@PostMapping("/api/authorizations/{id}/reject")
	@Operation(summary = "驳回授权申请（医院管理员）")
	AuthorizationDetails reject(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request) {
		return this.authorizations.reject(id, request.version(), reason(request));
	}

	@PostMapping("/api/authorizations/{id}/revoke")
	@Operation(summary = "撤销授权（医院管理员）")
	AuthorizationDetails revoke(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request) {
		return this.authorizations.revoke(id, request.version(), reason(request));
	}

	@GetMapping("/api/reminders")
	@Operation(summary = "到期提醒（授权、执业许可证、其他许可证）")
	Reminders reminders(@RequestParam(defaultValue = "90") int days) {
		return this.reminders.upcoming(days);
	}

	private static String reason(DecisionRequest request) {
		String reason = request.reason();
		if (reason == null || reason.isBlank()) {
			throw invalid("reason", "必须填写原因");
		}
		return reason.strip();
	}

	private static ProblemException invalid(String field, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求数据校验失败",
				"请求数据校验失败：" + field + "：" + message, List.of(new FieldProblem(field, message)));
	}

}
