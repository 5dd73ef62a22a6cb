package cn.rtms.onboarding.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import cn.rtms.filing.Upload;
import cn.rtms.filing.UploadPolicy;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.institutions.InstitutionLevel;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.InstitutionType;
import cn.rtms.institutions.Region;
import cn.rtms.onboarding.Captchas;
import cn.rtms.onboarding.Captchas.Captcha;
import cn.rtms.onboarding.LicenceScan;
import cn.rtms.onboarding.RegistrationManagement;
import cn.rtms.onboarding.RegistrationRequest;
import cn.rtms.onboarding.RegistrationView;
import cn.rtms.onboarding.Submitted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 医疗机构注册: the public application (no login, throttled, behind a captcha), its status link
 * and resubmission, and the authorities' verification inbox (审核注册申请).
 */
@RestController
@Tag(name = "医疗机构注册", description = "医疗机构自助注册（无需登录）、申请进度查询与修改重提；发证机关审核（通过/退回）")
class RegistrationController {

	private final RegistrationManagement registrations;

	private final Captchas captchas;

	private final InstitutionManagement institutions;

	private final IdentityManagement identity;

	private final UploadPolicy uploads;

	RegistrationController(RegistrationManagement registrations, Captchas captchas, InstitutionManagement institutions,
			IdentityManagement identity, UploadPolicy uploads) {
		this.registrations = registrations;
		this.captchas = captchas;
		this.institutions = institutions;
		this.identity = identity;
		this.uploads = uploads;
	}

	@PostMapping("/api/public/onboarding/captcha")
	@Operation(summary = "获取验证码", description = "服务器生成的算术验证码图片；一次有效，10 分钟内使用")
	Captcha captcha() {
		return this.captchas.issue();
	}

	@GetMapping("/api/public/onboarding/options")
	@Operation(summary = "注册表单选项", description = "行政区划、医院等级、机构类别")
	RegistrationFormOptions options() {
		return new RegistrationFormOptions(this.identity.asSystem(this.institutions::regionTree),
				java.util.Arrays.stream(InstitutionLevel.values())
					.map(l -> new RegistrationOption(l.name(), l.label()))
					.toList(),
				java.util.Arrays.stream(InstitutionType.values())
					.map(t -> new RegistrationOption(t.name(), t.label()))
					.toList());
	}

	@PostMapping(path = "/api/public/onboarding/registrations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "提交注册申请", description = "无需登录；表单字段见 RegistrationRequest，scan 为执业许可证扫描件")
	Submitted submit(@ModelAttribute RegistrationRequest request,
			@RequestPart(name = "scan", required = false) @Nullable MultipartFile scan) throws IOException {
		return this.registrations.submit(request, upload(scan));
	}

	@PostMapping("/api/public/onboarding/status")
	@Operation(summary = "查询注册申请进度", description = "以申请时获得的查询链接中的令牌查询")
	RegistrationView status(@Valid @RequestBody RegistrationTokenRequest body) {
		return this.registrations.status(body.token());
	}

	@PostMapping(path = "/api/public/onboarding/resubmit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "修改后重新提交", description = "仅已退回的申请；scan 可不传（沿用原扫描件）")
	Submitted resubmit(@RequestParam(name = "token") String token, @ModelAttribute RegistrationRequest request,
			@RequestPart(name = "scan", required = false) @Nullable MultipartFile scan) throws IOException {
		return this.registrations.resubmit(token, request, upload(scan));
	}

	@GetMapping("/api/registrations")
	@Operation(summary = "注册申请审核列表", description = "发证机关所在行政区划在本账号管辖范围内的申请")
	List<RegistrationView> inbox(@RequestParam(required = false) @Nullable String status) {
		return this.registrations.inbox(status);
	}

	@GetMapping("/api/registrations/{id}")
	@Operation(summary = "注册申请详情")
	RegistrationView get(@PathVariable UUID id) {
		return this.registrations.get(id);
	}

	@GetMapping("/api/registrations/{id}/scan")
	@Operation(summary = "下载执业许可证扫描件")
	ResponseEntity<byte[]> scan(@PathVariable UUID id) {
		LicenceScan scan = this.registrations.scan(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(scan.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(scan.name(), StandardCharsets.UTF_8).build().toString())
			.body(scan.content());
	}

	@PostMapping("/api/registrations/{id}/approve")
	@Operation(summary = "审核通过", description = "创建医疗机构及其医院管理员账号（一次性激活链接）")
	RegistrationView approve(@PathVariable UUID id) {
		return this.registrations.approve(id);
	}

	@PostMapping("/api/registrations/{id}/return")
	@Operation(summary = "退回申请", description = "须填写退回原因；申请人可修改后重新提交")
	RegistrationView returnWithReasons(@PathVariable UUID id, @Valid @RequestBody RegistrationReturnRequest body) {
		return this.registrations.returnWithReasons(id, body.reasons());
	}

	/**
	 * The scan, refused by its declared size before its bytes are read into memory: this
	 * endpoint needs no login.
	 */
	private @Nullable Upload upload(@Nullable MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			return null;
		}
		String name = file.getOriginalFilename();
		this.uploads.checkSize(name, file.getSize());
		return new Upload(name == null ? "执业许可证" : name, file.getBytes());
	}

	record RegistrationTokenRequest(@NotBlank(message = "查询令牌不能为空") @Size(max = 100, message = "查询令牌无效") String token) {
	}

	record RegistrationReturnRequest(
			@NotBlank(message = "请填写退回原因") @Size(max = 2000, message = "退回原因不能超过 2000 字") String reasons) {
	}

	record RegistrationOption(String code, String label) {
	}

	record RegistrationFormOptions(List<Region> regions, List<RegistrationOption> levels,
			List<RegistrationOption> types) {
	}

}
