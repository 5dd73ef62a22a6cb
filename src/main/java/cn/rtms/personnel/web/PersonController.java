package cn.rtms.personnel.web;

import java.util.List;
import java.util.UUID;

import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonSummary;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.personnel.StaffRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Physicians and other staff over HTTP. */
@RestController
@Tag(name = "人员", description = "医师及其他专业技术人员")
class PersonController {

	private final PersonnelManagement people;

	PersonController(PersonnelManagement people) {
		this.people = people;
	}

	@GetMapping("/api/people")
	@Operation(summary = "人员列表")
	List<PersonSummary> list(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable StaffRole role) {
		return this.people.search(institutionId, q, role);
	}

	@GetMapping("/api/people/{id}")
	@Operation(summary = "人员详情")
	PersonDetails get(@PathVariable UUID id) {
		return this.people.get(id);
	}

	@PostMapping("/api/people")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建人员")
	PersonDetails create(@Valid @RequestBody PersonDetails details) {
		return this.people.create(details);
	}

	@PutMapping("/api/people/{id}")
	@Operation(summary = "修改人员")
	PersonDetails update(@PathVariable UUID id, @Valid @RequestBody PersonDetails details) {
		return this.people.update(id, details);
	}

	@PostMapping("/api/people/{id}/attestations")
	@Operation(summary = "确认人员条款", description = "以当前登录账号、角色和服务器时间记录：本机构医务科/医院管理员为医院自评承诺，辖区卫生健康行政部门或系统管理员为审核确认")
	PersonDetails confirm(@PathVariable UUID id, @Valid @RequestBody ConfirmationRequest request) {
		return this.people.confirm(id, request.clause(), request.evidence());
	}

	@DeleteMapping("/api/people/{id}/attestations/{confirmationId}")
	@Operation(summary = "撤回人员条款确认")
	PersonDetails withdraw(@PathVariable UUID id, @PathVariable UUID confirmationId) {
		return this.people.withdrawConfirmation(id, confirmationId);
	}

	/**
	 * A clause confirmation: only what is confirmed and on what evidence; who and when
	 * come from the session and the server clock.
	 *
	 * @param clause citation, e.g. G08/2022 二(一)3
	 * @param evidence the evidence
	 */
	record ConfirmationRequest(
			@NotBlank(message = "条款引用不能为空") @Size(max = 60, message = "条款引用不能超过 60 个字") String clause,
			@NotBlank(message = "证明材料不能为空") @Size(max = 500, message = "证明材料不能超过 500 个字") String evidence) {
	}

}
