package cn.rtms.cases.gate.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.cases.gate.GateAnswer;
import cn.rtms.cases.gate.GateManagement;
import cn.rtms.cases.gate.GateOverride;
import cn.rtms.cases.gate.GateQuery;
import cn.rtms.web.InputRules;
import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order-entry check over HTTP (docs/gate.md): {@code GET /api/gate},
 * {@code GET /api/gate/ping} and {@code POST /api/gate/overrides} for machine clients
 * with an API key; the override list and confirmation for the hospital's 医务科 (session).
 */
@RestController
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
		paramName = "X-Api-Key", description = "医院管理员在“接口密钥”页面创建的 API 密钥；也可用请求头 Authorization: ApiKey <密钥>")
@Tag(name = "手术准入查询", description = "供医院信息系统（HIS、手术排程）调用：按机构、术者、手术编码与日期判断是否允许开立手术医嘱；"
		+ "紧急放行登记与医务科事后确认。机器调用须带请求头 Authorization: ApiKey <密钥>（或 X-Api-Key）")
class GateController {

	static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	static final Map<String, String> PONG = Map.of("status", "UP");

	private final GateManagement gate;

	GateController(GateManagement gate) {
		this.gate = gate;
	}

	/**
	 * An emergency override as the machine client sends it.
	 *
	 * @param institution the hospital (optional: the key's)
	 * @param physician person id or 医师执业证书编码
	 * @param procedureCode the procedure code, or null with technology
	 * @param technology the technology, or null
	 * @param subTechnique the sub-technique with technology, or null
	 * @param date the day (optional: today)
	 * @param reason why the order went ahead
	 */
	record OverrideRequest(@Nullable String institution, @Nullable String physician, @Nullable String procedureCode,
			@Nullable String technology, @Nullable String subTechnique, @Nullable String date,
			@Nullable String reason) {
	}

	/**
	 * @param note the confirmer's note, optional
	 */
	record ConfirmRequest(@Nullable String note) {
	}

	@GetMapping("/api/gate")
	@SecurityRequirement(name = "apiKey")
	@Operation(summary = "手术准入查询（API 密钥）",
			description = "返回 decision：ALLOW 允许 / DENY 拒绝（reasons 中 blocking=true 的原因：UNFILED 未备案（含备案已中止）、UNAUTHORIZED 未授权、"
					+ "OUT_OF_SCOPE 超范围、NOT_ELIGIBLE 资质不再符合、UNKNOWN_PHYSICIAN 该医师不在本机构执业登记）/ NOT_RESTRICTED 非限制类技术；"
					+ "FILING_PENDING 为提示。答复来自内存视图，asOf 为视图从数据库读取的时间（其他节点的变更至多延迟约 2 秒）")
	GateAnswer check(
			@Parameter(in = ParameterIn.QUERY, description = "医疗机构 ID，可省略（即密钥所属机构）；与密钥所属机构不同时 403") @RequestParam(
					required = false) @Nullable String institution,
			@Parameter(description = "术者：人员 ID 或 15 位医师执业证书编码；只能查询本机构执业登记的医师，其他机构的医师与不存在的医师答复相同") @RequestParam(
					required = false) @Nullable String physician,
			@Parameter(description = "ICD-9-CM-3 手术操作编码，容忍空格、缺少小数点、大写 X，例如 50.2400x002、17.41") @RequestParam(
					required = false) @Nullable String procedureCode,
			@Parameter(description = "不给编码时直接给技术编码，例如 G08") @RequestParam(required = false) @Nullable String technology,
			@Parameter(description = "与 technology 一起给出的子技术编码，例如 RFA") @RequestParam(
					required = false) @Nullable String subTechnique,
			@Parameter(description = "拟手术日期 yyyy-MM-dd，可省略（今天）") @RequestParam(
					required = false) @Nullable String date) {
		return this.gate.check(new GateQuery(institution(institution), physician, procedureCode, technology,
				subTechnique, date(date)));
	}

	@GetMapping("/api/gate/ping")
	@SecurityRequirement(name = "apiKey")
	@Operation(summary = "连通性检查（API 密钥）", description = "固定返回 {\"status\":\"UP\"}，用于对接测试与基准测试的对照")
	Map<String, String> ping() {
		return PONG;
	}

	@PostMapping("/api/gate/overrides")
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirement(name = "apiKey")
	@Operation(summary = "登记紧急放行（API 密钥）", description = "急诊等情况下未经准入即开立医嘱时登记，reason 必填（不超过 500 字）；记录当时的准入结论，待医务科事后确认")
	GateOverride override(@RequestBody OverrideRequest request) {
		return this.gate.recordOverride(new GateQuery(institution(request.institution()), request.physician(),
				request.procedureCode(), request.technology(), request.subTechnique(), date(request.date())),
				request.reason());
	}

	@GetMapping("/api/gate/overrides")
	@Operation(summary = "本院紧急放行记录（医务科、医院管理员）", description = "status=UNCONFIRMED 只列待确认的")
	List<GateOverride> overrides(@RequestParam(required = false) @Nullable String status) {
		return this.gate.overrides("UNCONFIRMED".equalsIgnoreCase(status));
	}

	@PostMapping("/api/gate/overrides/{id}/confirm")
	@Operation(summary = "确认紧急放行（医务科、医院管理员）", description = "确认人即当前登录用户，记入审计日志")
	GateOverride confirm(@PathVariable UUID id, @RequestBody(required = false) @Nullable ConfirmRequest request) {
		return this.gate.confirm(id, request == null ? null : request.note());
	}

	private static ProblemException invalid(String field, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_GATE_REQUEST", "请求参数有误", field + "：" + message,
				List.of(new FieldProblem(field, message)));
	}

	private static @Nullable UUID institution(@Nullable String institution) {
		if (institution == null || institution.isBlank()) {
			return null;
		}
		if (!UUID_TEXT.matcher(institution.strip()).matches()) {
			throw invalid("institution", "须为医疗机构 ID（UUID）");
		}
		return UUID.fromString(institution.strip());
	}

	private static @Nullable LocalDate date(@Nullable String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		LocalDate parsed;
		try {
			parsed = LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			throw invalid("date", "日期须为 yyyy-MM-dd 格式，例如 2026-12-01");
		}
		String problem = InputRules.problem(parsed);
		if (problem != null) {
			throw invalid("date", problem);
		}
		return parsed;
	}

}
