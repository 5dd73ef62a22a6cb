package cn.rtms.cases.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.rtms.cases.Amendment;
import cn.rtms.cases.CaseCheck;
import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.CasePage;
import cn.rtms.cases.CaseQuery;
import cn.rtms.cases.CaseView;
import cn.rtms.cases.PatientContact;
import cn.rtms.cases.domain.IdNumbers;
import cn.rtms.cases.web.CaseRequests.AmendmentRequest;
import cn.rtms.cases.web.CaseRequests.CheckRequest;
import cn.rtms.cases.web.CaseRequests.SearchRequest;
import cn.rtms.cases.web.CaseRequests.SubmitRequest;
import cn.rtms.cases.web.CaseRequests.UpdateRequest;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
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

/** The case registry over HTTP (docs/cases.md). */
@RestController
@Tag(name = "病例登记", description = "限制类技术病例登记：草稿、提交（校验与标记）、修订、查询")
class CaseController {

	private final CaseManagement cases;

	private final IdentityManagement identity;

	CaseController(CaseManagement cases, IdentityManagement identity) {
		this.cases = cases;
		this.identity = identity;
	}

	@GetMapping("/api/cases")
	@Operation(summary = "病例列表（当前用户可见范围；卫生健康行政部门只见假名）")
	CasePage search(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String flag,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@Parameter(description = "病案号或住院号（前缀匹配）；本院用户也可输入患者 18 位身份证号（精确匹配）。最多 40 个字符") @RequestParam(
					required = false) @Nullable String q) {
		if (q != null && IdNumbers.isShaped(q)) {
			String message = "按身份证号检索请用 POST /api/cases/search（检索条件放在请求体中）：身份证号不得出现在网址里，以免进入浏览器历史和代理服务器日志";
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "请求参数格式错误", message,
					List.of(new FieldProblem("q", message)));
		}
		return this.cases.search(new CaseQuery(institutionId, technology, status, flag, from, to, page, size, q));
	}

	@PostMapping("/api/cases/search")
	@Operation(summary = "病例列表，检索条件在请求体中（按患者身份证号检索时用，身份证号不进网址与日志）",
			description = "字段与 GET /api/cases 的查询参数相同；q 可为病案号、住院号（前缀匹配）或患者 18 位身份证号（精确匹配，仅本院用户，每次检索记入审计日志，不记身份证号）")
	CasePage searchByBody(@RequestBody SearchRequest request) {
		return this.cases.search(request.query());
	}

	@GetMapping("/api/cases/recent-volumes")
	@Operation(summary = "近一年各技术已提交病例数（当前用户可见范围，病例最多的技术在前）")
	List<CaseManagement.TechnologyVolume> recentVolumes() {
		return this.cases.recentVolumes();
	}

	@PostMapping("/api/cases")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "保存病例草稿（本机构）")
	CaseView create(@RequestBody CaseInput input) {
		return this.cases.create(input);
	}

	@PostMapping("/api/cases/check")
	@Operation(summary = "校验病例（不保存）：错误、未确认的提示、备案与授权情况")
	CaseCheck check(@Valid @RequestBody CheckRequest request) {
		UUID institutionId = request.institutionId();
		if (institutionId == null) {
			institutionId = this.identity.currentUser().institutionId();
		}
		if (institutionId == null) {
			throw invalid("institutionId", "请指定医疗机构");
		}
		Set<String> confirmed = request.confirmedWarnings();
		return this.cases.check(request.input(), institutionId, (confirmed == null) ? Set.of() : confirmed);
	}

	@GetMapping("/api/cases/{id}")
	@Operation(summary = "病例详情")
	CaseView get(@PathVariable UUID id) {
		return this.cases.get(id);
	}

	@GetMapping("/api/cases/{id}/patient-contact")
	@Operation(summary = "患者联系方式（完整电话，本机构人员随访用；每次查看记入审计日志）")
	PatientContact contact(@PathVariable UUID id) {
		return this.cases.contact(id);
	}

	@PutMapping("/api/cases/{id}")
	@Operation(summary = "修改病例草稿")
	CaseView update(@PathVariable UUID id, @Valid @RequestBody UpdateRequest request) {
		return this.cases.update(id, request.version(), request.input());
	}

	@DeleteMapping("/api/cases/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除病例草稿")
	void delete(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version) {
		if (version == null) {
			throw invalid("version", "version 不能为空");
		}
		this.cases.delete(id, version);
	}

	@PostMapping("/api/cases/{id}/submit")
	@Operation(summary = "提交病例：完整校验，按手术日期核对备案、授权、知情同意、术前病理、器械效期并标记")
	CaseView submit(@PathVariable UUID id, @Valid @RequestBody SubmitRequest request) {
		Set<String> confirmed = request.confirmedWarnings();
		return this.cases.submit(id, request.version(), (confirmed == null) ? Set.of() : confirmed);
	}

	@PostMapping("/api/cases/{id}/amendments")
	@Operation(summary = "修订已提交的病例（须填写原因，保留修订前后内容）")
	CaseView amend(@PathVariable UUID id, @Valid @RequestBody AmendmentRequest request) {
		String reason = request.reason();
		if (reason == null || reason.isBlank()) {
			throw invalid("reason", "必须填写修订原因");
		}
		return this.cases.amend(id, request.version(), reason, request.input());
	}

	@GetMapping("/api/cases/{id}/amendments")
	@Operation(summary = "病例的修订记录")
	List<Amendment> amendments(@PathVariable UUID id) {
		return this.cases.amendments(id);
	}

	private static ProblemException invalid(String field, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求数据校验失败",
				"请求数据校验失败：" + field + "：" + message, List.of(new FieldProblem(field, message)));
	}

}
