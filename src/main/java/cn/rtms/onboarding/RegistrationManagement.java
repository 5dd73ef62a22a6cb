package cn.rtms.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.audit.AuditTrail;
import cn.rtms.filing.Upload;
import cn.rtms.filing.UploadPolicy;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.InstitutionAccounts;
import cn.rtms.identity.IssuedActivation;
import cn.rtms.identity.Role;
import cn.rtms.identity.UserEvent;
import cn.rtms.institutions.CreditCode;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionDetails.PracticeLicence;
import cn.rtms.institutions.InstitutionLevel;
import cn.rtms.institutions.InstitutionLookup;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.InstitutionType;
import cn.rtms.onboarding.Registrations.Fields;
import cn.rtms.onboarding.Registrations.Registration;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration of a hospital (docs/onboarding.md): anybody may apply (throttled per
 * client address, {@code rtms.onboarding.max-submissions-per-hour}, 5 by default, and
 * behind the offline {@link Captchas captcha}); the application names its licence's
 * issuing authority, and an authority whose jurisdiction covers that authority's region
 * verifies it: it approves — the institution is created through the institutions module
 * and its hospital administrator through identity with a one-time activation — or returns
 * it with reasons, after which the applicant corrects and resubmits it through the status
 * link. A credit code or licence number already held by an institution or by another
 * application is refused naming the holder. Every state change is audited; the approver
 * is the session user.
 */
@Service
@Transactional(readOnly = true)
public class RegistrationManagement {

	static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,60}");

	static final Pattern REGION = Pattern.compile("\\d{6}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Registrations registrations;

	private final Captchas captchas;

	private final RequestThrottle throttle;

	private final UploadPolicy uploads;

	private final InstitutionManagement institutions;

	private final InstitutionLookup lookup;

	private final InstitutionAccounts accounts;

	private final IdentityManagement identity;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	private final int maxSubmissionsPerHour;

	RegistrationManagement(Registrations registrations, Captchas captchas, RequestThrottle throttle,
			UploadPolicy uploads, InstitutionManagement institutions, InstitutionLookup lookup,
			InstitutionAccounts accounts, IdentityManagement identity, AccessPolicy access, AuditTrail audit,
			Clock clock, @Value("${rtms.onboarding.max-submissions-per-hour:5}") int maxSubmissionsPerHour) {
		this.registrations = registrations;
		this.captchas = captchas;
		this.throttle = throttle;
		this.uploads = uploads;
		this.institutions = institutions;
		this.lookup = lookup;
		this.accounts = accounts;
		this.identity = identity;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.maxSubmissionsPerHour = maxSubmissionsPerHour;
	}

	/**
	 * Submits an application (no login).
	 * @param request the application
	 * @param scan the licence scan (PDF, JPEG or PNG by content, size as filing's
	 * uploads)
	 * @return the application's id and status link
	 * @throws cn.rtms.web.ProblemException 429 {@code REGISTRATION_THROTTLED}; 422
	 * {@code CAPTCHA_INVALID}/{@code CAPTCHA_WRONG}, {@code INVALID_REGISTRATION}; 409
	 * {@code REGISTRATION_DUPLICATE} naming the holder; 413/415 for the scan
	 */
	@Transactional
	public Submitted submit(RegistrationRequest request, @Nullable Upload scan) {
		this.throttle.count(this.identity.clientAddress(), "SUBMIT", this.maxSubmissionsPerHour, "注册申请");
		useCaptcha(request);
		Fields fields = check(request);
		String scanType = checkScan(scan);
		duplicates(fields, null);
		UUID id = UUID.randomUUID();
		String token = newToken();
		Upload file = java.util.Objects.requireNonNull(scan);
		try {
			this.registrations.insert(id, fields, UploadPolicy.fileName(file), scanType, file.content(), hash(token),
					this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw OnboardingProblems.duplicate("creditCode", "统一社会信用代码或执业许可证登记号刚刚已由另一份注册申请提交，不能重复注册");
		}
		this.audit.record("REGISTRATION_SUBMITTED", "Registration", id.toString(), null, view(load(id), false));
		return new Submitted(id, token, statusPath(token));
	}

	/**
	 * @param statusToken the secret of an application's status link
	 * @return the application (no login)
	 * @throws cn.rtms.web.ProblemException 404 {@code REGISTRATION_NOT_FOUND}
	 */
	public RegistrationView status(String statusToken) {
		return view(byToken(statusToken), true);
	}

	/**
	 * Corrects and resubmits a returned application through its status link (no login).
	 * @param statusToken the status link's secret
	 * @param request the corrected application
	 * @param scan a new licence scan, or null to keep the one sent before
	 * @return the application's id and (unchanged) status link
	 * @throws cn.rtms.web.ProblemException as {@link #submit}, and 409
	 * {@code REGISTRATION_STATE} unless the application is returned
	 */
	@Transactional
	public Submitted resubmit(String statusToken, RegistrationRequest request, @Nullable Upload scan) {
		this.throttle.count(this.identity.clientAddress(), "SUBMIT", this.maxSubmissionsPerHour, "注册申请");
		Registration before = byToken(statusToken);
		useCaptcha(request);
		Registration locked = this.registrations.lock(before.id()).orElseThrow(OnboardingProblems::notFound);
		if (!"RETURNED".equals(locked.status())) {
			throw OnboardingProblems.wrongState(statusLabel(locked.status()), "修改后重新提交");
		}
		Fields fields = check(request);
		String scanType = scan == null ? null : checkScan(scan);
		duplicates(fields, locked.id());
		try {
			this.registrations.resubmit(locked.id(), fields, scan == null ? null : UploadPolicy.fileName(scan),
					scanType, scan == null ? null : scan.content(), this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw OnboardingProblems.duplicate("creditCode", "统一社会信用代码或执业许可证登记号刚刚已由另一份注册申请提交，不能重复注册");
		}
		this.audit.record("REGISTRATION_RESUBMITTED", "Registration", locked.id().toString(), view(locked, false),
				view(load(locked.id()), false));
		return new Submitted(locked.id(), statusToken, statusPath(statusToken));
	}

	/**
	 * The verification inbox (审核注册申请): the applications whose issuing authority's region
	 * the current authority covers.
	 * @param status PENDING, RETURNED or APPROVED; null for PENDING
	 * @return the applications, oldest first
	 * @throws cn.rtms.identity.AccessDenied for every role but the authorities and the
	 * system administrator
	 */
	public List<RegistrationView> inbox(@Nullable String status) {
		CurrentUser user = requireVerifier();
		String wanted = status == null || status.isBlank() ? "PENDING" : status;
		return this.registrations.findByStatus(List.of(wanted))
			.stream()
			.filter(r -> this.access.coversRegion(user, r.fields().issuerRegionCode()))
			.map(r -> view(r, true))
			.toList();
	}

	/**
	 * @param id an application
	 * @return it, for an authority covering its issuing authority's region
	 * @throws cn.rtms.web.ProblemException 403 {@code REGION_NOT_COVERED}, 404
	 */
	public RegistrationView get(UUID id) {
		Registration registration = load(id);
		checkCovers(requireVerifier(), registration);
		return view(registration, true);
	}

	/**
	 * @param id an application
	 * @return its licence scan, for an authority covering its issuing authority's region
	 */
	public LicenceScan scan(UUID id) {
		checkCovers(requireVerifier(), load(id));
		return this.registrations.scan(id);
	}

	/**
	 * Approves a pending application: creates the institution with its practice licence
	 * and its hospital administrator with a one-time activation, whose link the result
	 * carries.
	 * @param id the application
	 * @return the approved application with the activation link
	 * @throws cn.rtms.web.ProblemException 403 {@code REGION_NOT_COVERED} when the
	 * current authority does not cover the issuing authority's or the institution's
	 * region; 409 {@code REGISTRATION_STATE}, {@code REGISTRATION_DUPLICATE}
	 */
	@Transactional
	public RegistrationView approve(UUID id) {
		CurrentUser user = requireVerifier();
		Registration before = this.registrations.lock(id).orElseThrow(OnboardingProblems::notFound);
		checkCovers(user, before);
		if (!"PENDING".equals(before.status())) {
			throw OnboardingProblems.wrongState(statusLabel(before.status()), "审核通过");
		}
		Fields f = before.fields();
		duplicates(f, id);
		InstitutionDetails created = this.institutions.create(new InstitutionDetails(null, f.name(), f.regionCode(),
				null, InstitutionLevel.valueOf(f.level()), InstitutionType.valueOf(f.type()), null,
				new PracticeLicence(f.licenceNumber(), f.issuerName(), f.issuerRegionCode(), null, null), null, null,
				null, null, null, null, null, null, null, null, null));
		UUID institutionId = java.util.Objects.requireNonNull(created.id());
		this.lookup.recordCreditCode(institutionId, f.creditCode());
		IssuedActivation admin = this.accounts.createHospitalAdministrator(institutionId, f.adminUsername(),
				f.contactName());
		this.registrations.approve(id, institutionId, admin.account().id(), admin.token(), user.id(),
				this.clock.instant());
		RegistrationView after = view(load(id), true);
		this.audit.record("REGISTRATION_APPROVED", "Registration", id.toString(), view(before, false),
				view(load(id), false));
		return after;
	}

	/**
	 * Returns a pending application to the applicant with reasons; the applicant may
	 * correct and resubmit it.
	 * @param id the application
	 * @param reasons why (shown to the applicant)
	 * @return the returned application
	 * @throws cn.rtms.web.ProblemException 403 {@code REGION_NOT_COVERED}, 409
	 * {@code REGISTRATION_STATE}, 422 without reasons
	 */
	@Transactional
	public RegistrationView returnWithReasons(UUID id, String reasons) {
		CurrentUser user = requireVerifier();
		Registration before = this.registrations.lock(id).orElseThrow(OnboardingProblems::notFound);
		checkCovers(user, before);
		if (!"PENDING".equals(before.status())) {
			throw OnboardingProblems.wrongState(statusLabel(before.status()), "退回");
		}
		String text = reasons.strip();
		if (text.isEmpty() || text.length() > 2000) {
			throw OnboardingProblems.invalid(List.of(new FieldProblem("reasons", "请填写退回原因（不超过 2000 字），申请人将据此修改")));
		}
		this.registrations.returnWithReasons(id, text, user.id(), this.clock.instant());
		RegistrationView after = view(load(id), true);
		this.audit.record("REGISTRATION_RETURNED", "Registration", id.toString(), view(before, false), after);
		return after;
	}

	private CurrentUser requireVerifier() {
		return this.access.requireRole(Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY,
				Role.SYSTEM_ADMIN);
	}

	private void checkCovers(CurrentUser user, Registration registration) {
		Fields f = registration.fields();
		if (!this.access.coversRegion(user, f.issuerRegionCode())) {
			throw OnboardingProblems.regionNotCovered("该申请的发证机关“" + f.issuerName() + "”（"
					+ regionName(f.issuerRegionCode()) + "）不在您的管辖范围内，应由发证机关或其上级卫生健康行政部门审核");
		}
		if (!this.access.coversRegion(user, f.regionCode())) {
			throw OnboardingProblems.regionNotCovered("该医疗机构所在地（" + regionName(f.regionCode()) + "）不在您的管辖范围内，不能审核");
		}
	}

	private void useCaptcha(RegistrationRequest request) {
		UUID id;
		try {
			id = UUID.fromString(blank(request.captchaId()));
		}
		catch (IllegalArgumentException ex) {
			throw OnboardingProblems.captchaInvalid();
		}
		this.captchas.use(id, blank(request.captchaAnswer()));
	}

	private String checkScan(@Nullable Upload scan) {
		if (scan == null) {
			throw OnboardingProblems.invalid(List.of(new FieldProblem("scan", "请上传医疗机构执业许可证扫描件（PDF、JPEG 或 PNG）")));
		}
		String type = this.uploads.check(scan);
		if (!type.equals("application/pdf") && !type.startsWith("image/")) {
			throw OnboardingProblems.invalid(List.of(new FieldProblem("scan", "执业许可证扫描件只能是 PDF、JPEG 或 PNG（按文件内容识别）")));
		}
		return type;
	}

	/** Checks every field; all problems at once, each naming its field. */
	Fields check(RegistrationRequest r) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = required(r.name(), "name", "机构名称", 100, problems);
		String creditCode = CreditCode.normalise(blank(r.creditCode()));
		if (creditCode.isEmpty()) {
			problems.add(new FieldProblem("creditCode", "统一社会信用代码不能为空"));
		}
		else {
			CreditCode.problem(creditCode).ifPresent(p -> problems.add(new FieldProblem("creditCode", p)));
		}
		String licence = required(r.licenceNumber(), "licenceNumber", "执业许可证登记号", 60, problems);
		String issuer = required(r.issuerName(), "issuerName", "发证机关", 100, problems);
		String issuerRegion = blank(r.issuerRegionCode());
		String region = blank(r.regionCode());
		boolean regionOk = region(region, "regionCode", "机构所在行政区划", problems);
		boolean issuerOk = region(issuerRegion, "issuerRegionCode", "发证机关所在行政区划", problems);
		if (regionOk && issuerOk && !this.institutions.regionAncestry(region).contains(issuerRegion)) {
			problems.add(new FieldProblem("issuerRegionCode",
					"发证机关所在行政区划（" + regionName(issuerRegion) + "）应为机构所在地（" + regionName(region) + "）或其上级行政区划"));
		}
		String level = blank(r.level());
		if (!isEnum(InstitutionLevel.class, level)) {
			problems.add(new FieldProblem("level", "请选择医院等级"));
		}
		String type = blank(r.type());
		if (!isEnum(InstitutionType.class, type)) {
			problems.add(new FieldProblem("type", "请选择机构类别（综合或专科）"));
		}
		String contact = required(r.contactName(), "contactName", "联系人姓名", 60, problems);
		String mobile = blank(r.contactMobile());
		if (!MOBILE.matcher(mobile).matches()) {
			problems.add(new FieldProblem("contactMobile", "联系人手机号应为 11 位数字，以 13–19 开头"));
		}
		String username = blank(r.adminUsername());
		if (!USERNAME.matcher(username).matches()) {
			problems.add(new FieldProblem("adminUsername", "管理员用户名只能包含字母、数字、“.”、“_”、“-”，3 至 60 位"));
		}
		else if (this.accounts.usernameTaken(username)) {
			problems.add(new FieldProblem("adminUsername", "管理员用户名 " + username + " 已被使用，请换一个"));
		}
		if (!problems.isEmpty()) {
			throw OnboardingProblems.invalid(problems);
		}
		return new Fields(name, creditCode, licence, issuer, issuerRegion, region, level, type, contact, mobile,
				username);
	}

	/** Refuses a credit code, licence number or name already held, naming the holder. */
	private void duplicates(Fields f, @Nullable UUID self) {
		this.lookup.byLicenceNumber(f.licenceNumber()).ifPresent(i -> {
			throw OnboardingProblems.duplicate("licenceNumber",
					"执业许可证登记号 " + f.licenceNumber() + " 已由已注册的医疗机构“" + i.name() + "”使用，不能重复注册");
		});
		this.lookup.byCreditCode(f.creditCode()).ifPresent(i -> {
			throw OnboardingProblems.duplicate("creditCode",
					"统一社会信用代码 " + f.creditCode() + " 已由已注册的医疗机构“" + i.name() + "”使用，不能重复注册");
		});
		this.lookup.byName(f.name()).ifPresent(i -> {
			throw OnboardingProblems.duplicate("name", "医疗机构“" + i.name() + "”已在平台注册，不能重复注册");
		});
		Optional<Registration> byCode = this.registrations.findByCreditCode(f.creditCode())
			.filter(r -> !r.id().equals(self));
		if (byCode.isPresent()) {
			throw OnboardingProblems.duplicate("creditCode",
					"统一社会信用代码 " + f.creditCode() + " 已由" + holder(byCode.get()) + "使用，不能重复注册");
		}
		Optional<Registration> byLicence = this.registrations.findByLicence(f.licenceNumber())
			.filter(r -> !r.id().equals(self));
		if (byLicence.isPresent()) {
			throw OnboardingProblems.duplicate("licenceNumber",
					"执业许可证登记号 " + f.licenceNumber() + " 已由" + holder(byLicence.get()) + "使用，不能重复注册");
		}
		// Two open applications asking for one username: the second approval would fail
		// on a field the approver cannot change.
		Optional<Registration> byUsername = this.registrations.findOpenByAdminUsername(f.adminUsername())
			.filter(r -> !r.id().equals(self));
		if (byUsername.isPresent()) {
			throw OnboardingProblems.duplicate("adminUsername", "管理员用户名 " + f.adminUsername() + " 已由另一份注册申请（"
					+ statusLabel(byUsername.get().status()) + "）使用，请换一个");
		}
	}

	private String holder(Registration r) {
		return "APPROVED".equals(r.status()) ? "已注册的医疗机构“" + r.fields().name() + "”"
				: "“" + r.fields().name() + "”的注册申请（" + statusLabel(r.status()) + "）";
	}

	/**
	 * The registration keeps its administrator's activation token only while that link is
	 * what opens the account: once it is used, replaced by a reset, or the account's
	 * password is reset or the account disabled, the copy is forgotten.
	 * @param event an account change
	 */
	@EventListener
	void on(UserEvent event) {
		if (event.userId() != null && ACTIVATION_ENDS.contains(event.action())) {
			this.registrations.forgetActivationTokenOf(event.userId());
		}
	}

	private static final java.util.Set<String> ACTIVATION_ENDS = java.util.Set.of("USER_ACTIVATED", "ACTIVATION_RESET",
			"PASSWORD_RESET", "USER_DISABLED");

	private Registration byToken(String token) {
		return this.registrations.findByStatusToken(hash(token)).orElseThrow(OnboardingProblems::notFound);
	}

	private Registration load(UUID id) {
		return this.registrations.find(id).orElseThrow(OnboardingProblems::notFound);
	}

	private RegistrationView view(Registration r, boolean withActivation) {
		Fields f = r.fields();
		String activationPath = null;
		boolean activated = false;
		UUID adminId = r.adminUserId();
		if ("APPROVED".equals(r.status()) && adminId != null) {
			boolean pending = this.accounts.activationPending(adminId);
			activated = !pending;
			if (withActivation && pending && r.activationToken() != null) {
				activationPath = "/activate?token=" + r.activationToken();
			}
		}
		return new RegistrationView(r.id(), r.status(), statusLabel(r.status()), f.name(), f.creditCode(),
				f.licenceNumber(), f.issuerName(), f.issuerRegionCode(), regionNameOrNull(f.issuerRegionCode()),
				f.regionCode(), regionNameOrNull(f.regionCode()), f.level(),
				InstitutionLevel.valueOf(f.level()).label(), f.type(), InstitutionType.valueOf(f.type()).label(),
				f.contactName(), f.contactMobile(), f.adminUsername(), r.scanName(), r.returnReasons(), r.submittedAt(),
				r.decidedAt(), r.institutionId(), activationPath, activated);
	}

	static String statusLabel(String status) {
		return switch (status) {
			case "PENDING" -> "待审核";
			case "RETURNED" -> "已退回";
			case "APPROVED" -> "已通过";
			default -> status;
		};
	}

	private @Nullable String regionNameOrNull(String code) {
		return this.institutions.regionName(code);
	}

	private String regionName(String code) {
		String name = this.institutions.regionName(code);
		return name == null ? code : name;
	}

	private boolean region(String code, String field, String label, List<FieldProblem> problems) {
		if (!REGION.matcher(code).matches()) {
			problems.add(new FieldProblem(field, "请选择" + label));
			return false;
		}
		if (this.institutions.regionName(code) == null) {
			problems.add(new FieldProblem(field, label + "代码 " + code + " 不存在"));
			return false;
		}
		return true;
	}

	private static String required(@Nullable String value, String field, String label, int max,
			List<FieldProblem> problems) {
		String text = blank(value);
		if (text.isEmpty()) {
			problems.add(new FieldProblem(field, label + "不能为空"));
		}
		else if (text.length() > max) {
			problems.add(new FieldProblem(field, label + "不能超过 " + max + " 个字"));
		}
		return text;
	}

	private static String blank(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return true;
			}
		}
		return false;
	}

	static String statusPath(String token) {
		return "/registration/status?token=" + token;
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
