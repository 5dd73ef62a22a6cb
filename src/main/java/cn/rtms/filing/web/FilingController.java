package cn.rtms.filing.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import cn.rtms.identity.UserManagement;
import cn.rtms.filing.FilingCommands;
import cn.rtms.filing.FilingFilter;
import cn.rtms.filing.FilingQueries;
import cn.rtms.filing.FilingReports;
import cn.rtms.filing.FilingSummary;
import cn.rtms.filing.FilingView;
import cn.rtms.filing.InboxItem;
import cn.rtms.filing.InvalidFilingRequest;
import cn.rtms.filing.PriorFiling;
import cn.rtms.filing.PublicFiling;
import cn.rtms.filing.RevocationCheck;
import cn.rtms.filing.RevocationCheckResult;
import cn.rtms.filing.Upload;
import cn.rtms.filing.web.FilingRequests.ActivateRequest;
import cn.rtms.filing.web.FilingRequests.CreateFilingRequest;
import cn.rtms.filing.web.FilingRequests.DecisionRequest;
import cn.rtms.filing.web.FilingRequests.DrawRequest;
import cn.rtms.filing.web.FilingRequests.EndingRequest;
import cn.rtms.filing.web.FilingRequests.ExpertOpinionRequest;
import cn.rtms.filing.web.FilingRequests.ExpertReplacementRequest;
import cn.rtms.filing.web.FilingRequests.ExpertReviewRequest;
import cn.rtms.filing.web.FilingRequests.OpinionRequest;
import cn.rtms.filing.web.FilingRequests.PriorFilingRequest;
import cn.rtms.filing.web.FilingRequests.SubmitRequest;
import cn.rtms.filing.web.FilingRequests.TextRequest;
import cn.rtms.filing.web.FilingRequests.VersionRequest;
import cn.rtms.experts.ExpertCandidate;
import cn.rtms.experts.ExpertDrawResult;
import cn.rtms.web.ExcelExport;
import cn.rtms.web.InputRules;
import cn.rtms.web.ListPage;
import cn.rtms.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The filing workflow over HTTP; every rule and permission is checked in
 * {@link FilingCommands}, {@link FilingQueries} and {@link RevocationCheck}.
 */
@RestController
@Tag(name = "备案", description = "限制类技术备案：自评、提交、受理、逐级上报、专家审查、逐级通知、备案有效、中止与撤销")
class FilingController {

	private final FilingCommands filings;

	private final FilingQueries queries;

	private final RevocationCheck revocations;

	private final FilingReports reports;

	private final UserManagement users;

	FilingController(FilingCommands filings, FilingQueries queries, RevocationCheck revocations, FilingReports reports,
			UserManagement users) {
		this.users = users;
		this.filings = filings;
		this.queries = queries;
		this.revocations = revocations;
		this.reports = reports;
	}

	@PostMapping("/api/filings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建备案草稿（医务科、医院管理员，本机构）")
	FilingView create(@RequestBody CreateFilingRequest request) {
		return this.filings.create(required(request.technology(), "technology", "技术编码"), request.firstCaseDate());
	}

	@PostMapping(path = "/api/filings/prior", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记存量备案（审查机关）",
			description = "登记平台上线前已按纸质文件批准的备案：以原批准日期生效（activatedOn = approvedOn），"
					+ "origin = PRIOR_REGISTRATION。只能由该机构该技术的审查机关（国家级技术：省卫生健康委；省级技术：市州）登记。"
					+ "批准日期不得晚于今天、不得早于 2000-01-01；批准文号必填（≤100 字符）；备注 ≤1000 字符。"
					+ "该机构该技术已有未终结的备案时 409 FILING_ALREADY_EXISTS。需上传批准文件时用 multipart 形式。")
	FilingView registerPrior(@RequestBody PriorFilingRequest request) {
		return this.filings.registerPrior(prior(request, null));
	}

	@PostMapping(path = "/api/filings/prior", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记存量备案并上传批准文件（multipart：JSON 部分 prior，文件部分 approvalDocument）",
			description = "规则同 JSON 形式；批准文件与其他备案材料一样检查类型和大小（PDF、图片等）。")
	FilingView registerPriorWithDocument(
			@RequestPart(name = "prior", required = false) @Nullable PriorFilingRequest request,
			@RequestPart(required = false) @Nullable MultipartFile approvalDocument) {
		if (request == null) {
			throw new InvalidFilingRequest("缺少存量备案信息（multipart 的 JSON 部分 prior）");
		}
		return this.filings.registerPrior(prior(request,
				approvalDocument == null || approvalDocument.isEmpty() ? null : upload(approvalDocument)));
	}

	@GetMapping("/api/filings")
	@Operation(summary = "当前用户可见的备案列表")
	List<FilingSummary> list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable String regionCode) {
		return this.queries.list(state, technology, regionCode);
	}

	@GetMapping("/api/filings/inbox")
	@Operation(summary = "待办：当前用户需要办理的备案（含逾期标记）")
	List<InboxItem> inbox() {
		return this.queries.inbox();
	}

	@GetMapping("/api/filings/experts")
	@Operation(summary = "可指派的评审专家", description = "卫生健康行政部门指派专家审查时选择")
	List<UserManagement.ExpertOption> experts() {
		return this.users.experts();
	}

	@GetMapping("/api/filings/{id}")
	@Operation(summary = "备案详情")
	FilingView get(@PathVariable UUID id) {
		return this.queries.get(id);
	}

	@PostMapping("/api/filings/{id}/self-assessment")
	@Operation(summary = "自评：按现行管理规范评估本机构并固化结果")
	FilingView selfAssess(@PathVariable UUID id, @RequestBody(required = false) @Nullable VersionRequest request) {
		return this.filings.selfAssess(id, request == null ? null : request.version());
	}

	@PostMapping(path = "/api/filings/{id}/attestations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "确认“待确认”条款并上传证据（multipart）")
	FilingView attest(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable String clauseRef,
			@RequestParam(required = false) @Nullable String evidence,
			@RequestPart(required = false) @Nullable MultipartFile file) {
		return this.filings.attest(id, version, required(clauseRef, "clauseRef", "条款"),
				required(evidence, "evidence", "证据说明"), file == null || file.isEmpty() ? null : upload(file));
	}

	@PostMapping(path = "/api/filings/{id}/committee-opinions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "登记医疗技术临床应用管理委员会或伦理委员会意见及会议纪要（multipart）")
	FilingView committeeOpinion(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable String committee,
			@RequestParam(required = false) @Nullable String meetingDate,
			@RequestParam(required = false) @Nullable String opinion,
			@RequestPart(required = false) @Nullable MultipartFile minutes) {
		if (minutes == null || minutes.isEmpty()) {
			throw new InvalidFilingRequest("必须上传会议纪要（minutes）");
		}
		return this.filings.recordCommitteeOpinion(id, version, required(committee, "committee", "委员会"),
				date(required(meetingDate, "meetingDate", "会议日期"), "meetingDate"),
				required(opinion, "opinion", "委员会意见"), upload(minutes));
	}

	@PostMapping(path = "/api/filings/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传备案材料（multipart）")
	FilingView addDocument(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable String description,
			@RequestPart(required = false) @Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new InvalidFilingRequest("必须上传文件（file）");
		}
		return this.filings.addDocument(id, version, description, upload(file));
	}

	@GetMapping("/api/filings/{id}/documents/{documentId}")
	@Operation(summary = "下载备案材料")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
		FilingQueries.StoredDocument document = this.queries.document(id, documentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-SHA256", document.sha256())
			.body(document.content());
	}

	@PostMapping("/api/filings/{id}/submit")
	@Operation(summary = "提交备案（首例开展日期必填）")
	FilingView submit(@PathVariable UUID id, @RequestBody SubmitRequest request) {
		if (request.firstCaseDate() == null) {
			throw new InvalidFilingRequest("首例开展日期（firstCaseDate）不能为空");
		}
		return this.filings.submit(id, request.version(), request.firstCaseDate());
	}

	@PostMapping("/api/filings/{id}/receive")
	@Operation(summary = "受理（受理机关）")
	FilingView receive(@PathVariable UUID id, @RequestBody(required = false) @Nullable OpinionRequest request) {
		return this.filings.receive(id, version(request), opinion(request));
	}

	@PostMapping("/api/filings/{id}/escalate")
	@Operation(summary = "逐级上报（当前办理机关）")
	FilingView escalate(@PathVariable UUID id, @RequestBody(required = false) @Nullable OpinionRequest request) {
		return this.filings.escalate(id, version(request), opinion(request));
	}

	@PostMapping("/api/filings/{id}/expert-review")
	@Operation(summary = "组织专家审查，指派评审专家（审查机关）")
	FilingView expertReview(@PathVariable UUID id, @RequestBody ExpertReviewRequest request) {
		return this.filings.startExpertReview(id, request.version(),
				request.expertIds() == null ? List.of() : request.expertIds(), request.opinion());
	}

	@PostMapping("/api/filings/{id}/expert-replacement")
	@Operation(summary = "更换尚未提交意见的评审专家（审查机关）", description = "新专家须在可指派范围内且无需回避；写明原因；专家意见办理时限自今日重新计算")
	FilingView expertReplacement(@PathVariable UUID id, @RequestBody ExpertReplacementRequest request) {
		return this.filings.replaceExpert(id, request.version(), required(request.replacedId(), "replacedId", "被更换的专家"),
				required(request.expertId(), "expertId", "新的评审专家"), request.reason() == null ? "" : request.reason());
	}

	@GetMapping("/api/filings/{id}/expert-candidates")
	@Operation(summary = "专家建议：可指派的评审专家（专业匹配优先，须回避者标明原因）", description = "本级、上级及下级专家库中在库的专家；受聘于备案机构的专家须回避，不能指派")
	List<ExpertCandidate> expertCandidates(@PathVariable UUID id) {
		return this.filings.expertCandidates(id);
	}

	@PostMapping("/api/filings/{id}/expert-draw")
	@Operation(summary = "随机抽取评审专家", description = "在专业匹配且无需回避的在库专家中随机抽取；候选名单、随机种子和结果记入审计日志，可复核")
	ExpertDrawResult expertDraw(@PathVariable UUID id, @RequestBody DrawRequest request) {
		return this.filings.drawExperts(id, request.count() == null ? 0 : request.count());
	}

	@PostMapping("/api/filings/{id}/expert-opinions")
	@Operation(summary = "提交专家意见（被指派的评审专家）")
	FilingView expertOpinion(@PathVariable UUID id, @RequestBody ExpertOpinionRequest request) {
		return this.filings.recordExpertOpinion(id, request.version(), required(request.verdict(), "verdict", "专家意见"),
				required(request.text(), "text", "意见说明"));
	}

	@PostMapping("/api/filings/{id}/decision")
	@Operation(summary = "作出审查决定：通过、退回补充或不予备案（审查机关）")
	FilingView decision(@PathVariable UUID id, @RequestBody DecisionRequest request) {
		return this.filings.decide(id, request.version(), required(request.decision(), "decision", "审查决定"),
				request.reasons() == null ? "" : request.reasons());
	}

	@PostMapping("/api/filings/{id}/notify-result")
	@Operation(summary = "逐级通知审查结果（当前办理机关）")
	FilingView notifyResult(@PathVariable UUID id, @RequestBody(required = false) @Nullable OpinionRequest request) {
		return this.filings.notifyResult(id, version(request), opinion(request));
	}

	@PostMapping("/api/filings/{id}/activate")
	@Operation(summary = "在许可证副本备注栏注明，备案有效（受理机关）")
	FilingView activate(@PathVariable UUID id, @RequestBody ActivateRequest request) {
		return this.filings.activate(id, request.version(), required(request.licenceNote(), "licenceNote", "许可证副本备注"));
	}

	@PostMapping("/api/filings/{id}/cancellation-request")
	@Operation(summary = "医疗机构申请注销备案")
	FilingView cancellation(@PathVariable UUID id, @RequestBody TextRequest request) {
		return this.filings.requestCancellation(id, request.version(), required(request.text(), "text", "注销理由"));
	}

	@PostMapping("/api/filings/{id}/suspend")
	@Operation(summary = "中止备案（受理机关或其上级）")
	FilingView suspend(@PathVariable UUID id, @RequestBody EndingRequest request) {
		return this.filings.suspend(id, request.version(), required(request.reason(), "reason", "中止原因"),
				required(request.text(), "text", "中止说明"));
	}

	@PostMapping("/api/filings/{id}/resume")
	@Operation(summary = "恢复已中止的备案（受理机关或其上级）")
	FilingView resume(@PathVariable UUID id, @RequestBody(required = false) @Nullable TextRequest request) {
		return this.filings.resume(id, request == null ? null : request.version(),
				request == null ? null : request.text());
	}

	@PostMapping("/api/filings/{id}/revoke")
	@Operation(summary = "撤销备案（受理机关或其上级）")
	FilingView revoke(@PathVariable UUID id, @RequestBody EndingRequest request) {
		return this.filings.revoke(id, request.version(), required(request.reason(), "reason", "撤销原因"),
				required(request.text(), "text", "撤销说明"));
	}

	@PostMapping("/api/filings/{id}/revocation-proposal/dismiss")
	@Operation(summary = "驳回系统提出的撤销建议（受理机关或其上级）")
	FilingView dismissProposal(@PathVariable UUID id, @RequestBody TextRequest request) {
		return this.filings.dismissRevocationProposal(id, request.version(), required(request.text(), "text", "驳回理由"));
	}

	@PostMapping("/api/filings/revocation-check")
	@Operation(summary = "立即检查有效备案是否应撤销（卫生健康行政部门、系统管理员）")
	RevocationCheckResult revocationCheck() {
		return this.revocations.checkRevocations();
	}

	@GetMapping("/api/filings/{id}/pdf")
	@Operation(summary = "打印备案记录（PDF）")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		byte[] pdf = this.reports.pdf(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename("备案记录-" + id + ".pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(pdf);
	}

	@GetMapping("/api/filings/export.xlsx")
	@Operation(summary = "导出备案列表（Excel）", description = "导出当前筛选条件下可见的备案（与 /api/filings/page 相同的筛选与排序），最多 5000 行")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable String regionCode,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable String sort) {
		FilingFilter filter = new FilingFilter(state, technology, regionCode, q, level, from, to, overdue);
		return ExcelExport.download(this.reports.excel(filter, sort), "备案列表.xlsx");
	}

	@GetMapping("/api/filings/page")
	@Operation(summary = "备案列表（分页、排序、筛选；当前用户可见范围）",
			description = "state 可多个（逗号分隔）；q 匹配机构或技术名称；from/to 为提交日期区间；sort 取 institutionName、technology、state、firstCaseDate、submittedOn、actionDueOn、updatedAt，加 ,asc 或 ,desc；卫生健康行政部门看不到医院未提交的备案")
	ListPage<FilingSummary> page(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable String regionCode,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) @Nullable String sort) {
		return this.queries.page(new FilingFilter(state, technology, regionCode, q, level, from, to, overdue),
				new ListQuery(page, size, sort));
	}

	@GetMapping("/api/public/filings")
	@Operation(summary = "公开：各地区备案有效及已撤销的限制类技术（无需登录）")
	List<PublicFiling> publicList(@RequestParam(required = false) @Nullable String regionCode) {
		return this.queries.publicList(regionCode);
	}

	private static Upload upload(MultipartFile file) {
		try {
			String name = file.getOriginalFilename();
			return new Upload(name == null ? "" : name, file.getBytes());
		}
		catch (IOException ex) {
			throw new InvalidFilingRequest("读取上传文件失败：" + ex.getMessage());
		}
	}

	private static PriorFiling prior(PriorFilingRequest request, @Nullable Upload document) {
		return new PriorFiling(request.institutionId(), request.technology(), request.approvedOn(),
				request.documentNo(), request.firstCaseDate(), request.note(), document);
	}

	private static @Nullable Long version(@Nullable OpinionRequest request) {
		return request == null ? null : request.version();
	}

	private static @Nullable String opinion(@Nullable OpinionRequest request) {
		return request == null ? null : request.opinion();
	}

	private static UUID required(@Nullable UUID value, String field, String label) {
		if (value == null) {
			throw new InvalidFilingRequest(label + "（" + field + "）不能为空");
		}
		return value;
	}

	private static String required(@Nullable String value, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new InvalidFilingRequest(label + "（" + field + "）不能为空");
		}
		return value.strip();
	}

	private static LocalDate date(String value, String field) {
		LocalDate date;
		try {
			date = LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFilingRequest(field + " 的取值 “" + value + "” 不是有效日期（yyyy-MM-dd）");
		}
		return InputRules.require(date, field);
	}

}
