package cn.rtms.institutions.web;

import java.util.List;
import java.util.UUID;

import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.InstitutionSummary;
import cn.rtms.institutions.JurisdictionChange;
import cn.rtms.institutions.Region;
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

/** Regions and institutions over HTTP. */
@RestController
@Tag(name = "医疗机构", description = "行政区划与医疗机构")
class InstitutionController {

	private final InstitutionManagement institutions;

	InstitutionController(InstitutionManagement institutions) {
		this.institutions = institutions;
	}

	@GetMapping("/api/regions")
	@Operation(summary = "行政区划树（GB/T 2260）")
	List<Region> regions() {
		return this.institutions.regionTree();
	}

	@GetMapping("/api/institutions")
	@Operation(summary = "医疗机构列表", description = "q 按名称模糊查询；regionCode 含下级区划")
	List<InstitutionSummary> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String regionCode) {
		return this.institutions.search(q, regionCode);
	}

	@GetMapping("/api/institutions/{id}")
	@Operation(summary = "医疗机构详情")
	InstitutionDetails get(@PathVariable UUID id) {
		return this.institutions.get(id);
	}

	@PostMapping("/api/institutions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建医疗机构")
	InstitutionDetails create(@Valid @RequestBody InstitutionDetails details) {
		return this.institutions.create(details);
	}

	@PutMapping("/api/institutions/{id}")
	@Operation(summary = "修改医疗机构")
	InstitutionDetails update(@PathVariable UUID id, @Valid @RequestBody InstitutionDetails details) {
		return this.institutions.update(id, details);
	}

	@PutMapping("/api/institutions/{id}/jurisdiction")
	@Operation(summary = "变更管辖与资质", description = "行政区划、级别、类别与执业许可证：仅辖区卫生健康行政部门或系统管理员，须填写变更原因（记入审计）")
	InstitutionDetails changeJurisdiction(@PathVariable UUID id, @Valid @RequestBody JurisdictionChange change) {
		return this.institutions.changeJurisdiction(id, change);
	}

	@PostMapping("/api/institutions/{id}/attestations")
	@Operation(summary = "确认条款", description = "以当前登录账号、角色和服务器时间记录：本机构医务科/医院管理员为医院自评承诺，辖区卫生健康行政部门或系统管理员为审核确认")
	InstitutionDetails confirm(@PathVariable UUID id, @Valid @RequestBody ConfirmationRequest request) {
		return this.institutions.confirm(id, request.clause(), request.evidence());
	}

	@DeleteMapping("/api/institutions/{id}/attestations/{confirmationId}")
	@Operation(summary = "撤回条款确认")
	InstitutionDetails withdraw(@PathVariable UUID id, @PathVariable UUID confirmationId) {
		return this.institutions.withdrawConfirmation(id, confirmationId);
	}

	/**
	 * A clause confirmation: only what is confirmed and on what evidence; who and when
	 * come from the session and the server clock.
	 *
	 * @param clause citation, e.g. G08/2022 一(一)
	 * @param evidence the evidence
	 */
	record ConfirmationRequest(
			@NotBlank(message = "条款引用不能为空") @Size(max = 60, message = "条款引用不能超过 60 个字") String clause,
			@NotBlank(message = "证明材料不能为空") @Size(max = 500, message = "证明材料不能超过 500 个字") String evidence) {
	}

}
