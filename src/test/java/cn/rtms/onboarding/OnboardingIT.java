package cn.rtms.onboarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.rtms.institutions.CreditCode;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-registration, verification, activation and hospitals' own accounts over HTTP on
 * PostgreSQL (docs/onboarding.md), above all the bad input: a wrong credit-code check
 * character, a credit code or licence number already held, a region the approving
 * authority does not cover, a captcha wrong or used twice, the throttle, an activation
 * token used twice or expired, a hospital administrator reaching above its role or into
 * another institution. Own context: it creates institutions and accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.test.context=Onboarding" })
class OnboardingIT {

	static final String PASSWORD = "Kaiye#2026x";

	/** The first bytes of a PNG: enough for the content sniffing of UploadPolicy. */
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };

	private static final AtomicInteger counter = new AtomicInteger(200);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void forgetTheThrottle() {
		this.jdbc.sql("delete from onboarding.request_count").update();
	}

	/** A valid credit code of a public institution in 长春, unique per call. */
	static String newCreditCode() {
		String prefix = "12220100MB" + (1_000_000 + counter.incrementAndGet());
		return prefix + CreditCode.checkCharacter(prefix);
	}

	static Map<String, String> application(String name, String regionCode, String issuerRegionCode) {
		int n = counter.incrementAndGet();
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("name", name);
		fields.put("creditCode", newCreditCode());
		fields.put("licenceNumber", "PDY" + n + "22010217A1001");
		fields.put("issuerName", "长春市卫生健康委员会");
		fields.put("issuerRegionCode", issuerRegionCode);
		fields.put("regionCode", regionCode);
		fields.put("level", "SECONDARY_A");
		fields.put("type", "GENERAL");
		fields.put("contactName", "李红");
		fields.put("contactMobile", "13904310000");
		fields.put("adminUsername", "reg-admin-" + n);
		return fields;
	}

	/**
	 * Fetches a captcha and adds it with its right answer (through the test-only hook).
	 */
	Map<String, String> withCaptcha(Map<String, String> fields) {
		Response captcha = new Api(this.port).post("/api/public/onboarding/captcha", Map.of());
		assertThat(captcha.status()).as(captcha.text()).isEqualTo(200);
		assertThat(captcha.body().get("image").asString()).startsWith("data:image/png;base64,");
		String id = captcha.body().get("id").asString();
		Map<String, String> result = new java.util.LinkedHashMap<>(fields);
		result.put("captchaId", id);
		result.put("captchaAnswer", CaptchaAnswers.answer(this.jdbc, id));
		return result;
	}

	Response submit(Map<String, String> fields) {
		List<Map.Entry<String, String>> entries = new ArrayList<>(fields.entrySet());
		return new Api(this.port).multipart("/api/public/onboarding/registrations", entries, "scan", "许可证.png", PNG);
	}

	Response submitValid(Map<String, String> fields) {
		Response response = submit(withCaptcha(fields));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response;
	}

	String pendingId(Response submitted) {
		return submitted.body().get("id").asString();
	}

	static String token(String path) {
		return path.substring(path.indexOf("token=") + "token=".length());
	}

	@Test
	void aCityAuthorityApprovesAndTheHospitalAdministratorActivatesOnce() {
		Map<String, String> app = application("长春南关康宁医院", "220102", "220100");
		Response submitted = submitValid(app);
		String statusToken = submitted.body().get("statusToken").asString();
		assertThat(submitted.body().get("statusPath").asString()).startsWith("/registration/status?token=");

		Api changchun = Api.as(this.port, "changchun");
		Response inbox = changchun.get("/api/registrations");
		assertThat(inbox.text()).contains("长春南关康宁医院");
		Response approved = changchun.post("/api/registrations/" + pendingId(submitted) + "/approve", Map.of());
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");
		String activationPath = approved.body().get("activationPath").asString();
		assertThat(activationPath).startsWith("/activate?token=");
		UUID institutionId = UUID.fromString(approved.body().get("institutionId").asString());
		assertThat(this.jdbc.sql("select licence_number from institutions.institution where id = ?")
			.param(institutionId)
			.query(String.class)
			.single()).isEqualTo(app.get("licenceNumber"));
		// who approved: the session user, in the row and in the audit trail
		UUID changchunId = this.jdbc.sql("select id from identity.user_account where username = 'changchun'")
			.query(UUID.class)
			.single();
		assertThat(this.jdbc.sql("select decided_by from onboarding.registration where id = ?")
			.param(UUID.fromString(pendingId(submitted)))
			.query(UUID.class)
			.single()).isEqualTo(changchunId);
		assertThat(this.jdbc
			.sql("select actor_id from audit.entry where action = 'REGISTRATION_APPROVED' and entity_id = ?")
			.param(pendingId(submitted))
			.query(String.class)
			.single()).isEqualTo(changchunId.toString());

		// the applicant sees the activation link on the status page; the account cannot
		// log in yet
		Response status = new Api(this.port).post("/api/public/onboarding/status", Map.of("token", statusToken));
		assertThat(status.body().get("activationPath").asString()).isEqualTo(activationPath);
		assertThat(new Api(this.port).tryLogin(app.get("adminUsername"), PASSWORD).status()).isEqualTo(401);

		String activation = token(activationPath);
		Response inspected = new Api(this.port).post("/api/public/activation/inspect", Map.of("token", activation));
		assertThat(inspected.body().get("institutionName").asString()).isEqualTo("长春南关康宁医院");
		Response weak = new Api(this.port).post("/api/public/activation",
				Map.of("token", activation, "password", "short"));
		assertThat(weak.body().get("code").asString()).isEqualTo("PASSWORD_POLICY");
		Response activated = new Api(this.port).post("/api/public/activation",
				Map.of("token", activation, "password", PASSWORD));
		assertThat(activated.status()).as(activated.text()).isEqualTo(200);
		Response again = new Api(this.port).post("/api/public/activation",
				Map.of("token", activation, "password", "Other#2026y"));
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.body().get("code").asString()).isEqualTo("ACTIVATION_USED");
		assertThat(again.body().get("detail").asString()).contains("只能使用一次");

		Api admin = new Api(this.port).login(app.get("adminUsername"), PASSWORD);
		Response me = admin.get("/api/auth/me");
		assertThat(me.body().get("role").asString()).isEqualTo("HOSPITAL_ADMIN");
		assertThat(me.body().get("institutionName").asString()).isEqualTo("长春南关康宁医院");
		Response after = new Api(this.port).post("/api/public/onboarding/status", Map.of("token", statusToken));
		assertThat(after.body().get("activated").asBoolean()).isTrue();
		assertThat(after.body().get("activationPath") == null || after.body().get("activationPath").isNull()).isTrue();
		assertThat(this.jdbc
			.sql("select count(*) from onboarding.registration where id = ? and activation_token is not null")
			.param(UUID.fromString(pendingId(submitted)))
			.query(Long.class)
			.single()).as("the link's copy kept for the status page is forgotten once used").isZero();
	}

	/**
	 * The system administrator resets the new hospital administrator's password before
	 * the activation link was used: the link no longer sets a password over it.
	 */
	@Test
	void aPasswordResetRevokesTheOpenActivationLink() {
		Map<String, String> app = application("长春重置激活医院", "220102", "220100");
		Response submitted = submitValid(app);
		Response approved = Api.as(this.port, "changchun")
			.post("/api/registrations/" + pendingId(submitted) + "/approve", Map.of());
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		String activation = token(approved.body().get("activationPath").asString());
		UUID account = this.jdbc.sql("select id from identity.user_account where username = ?")
			.param(app.get("adminUsername"))
			.query(UUID.class)
			.single();
		Response reset = Api.as(this.port, "admin")
			.post("/api/users/" + account + "/password-reset", Map.of("password", "Reset#2026abc"));
		assertThat(reset.status()).as(reset.text()).isEqualTo(200);
		Response late = new Api(this.port).post("/api/public/activation",
				Map.of("token", activation, "password", PASSWORD));
		assertThat(late.status()).as(late.text()).isEqualTo(410);
		assertThat(late.body().get("code").asString()).isEqualTo("ACTIVATION_REPLACED");
		assertThat(this.jdbc.sql(
				"select count(*) from onboarding.registration where admin_user_id = ? and activation_token is not null")
			.param(account)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Anyone may post here without logging in: a scan over the limit is refused by its
	 * declared size before its bytes are read into memory, ahead of the captcha and every
	 * other check (before, the whole part was read first and refused last).
	 */
	@Test
	void refusesAnOversizedScanBeforeReadingIt() {
		byte[] big = java.util.Arrays.copyOf(PNG, 20 * 1024 * 1024 + 1);
		List<Map.Entry<String, String>> entries = new ArrayList<>(
				application("长春超大扫描件医院", "220102", "220100").entrySet());
		Response refused = new Api(this.port).multipart("/api/public/onboarding/registrations", entries, "scan",
				"许可证.png", big);
		assertThat(refused.status()).as(refused.text()).isEqualTo(413);
		assertThat(refused.body().get("code").asString()).isEqualTo("FILE_TOO_LARGE");
		assertThat(refused.body().get("detail").asString()).contains("许可证.png", "超过上限");
	}

	@Test
	void refusesAWrongCheckCharacterNamingTheField() {
		Map<String, String> app = application("长春错码医院", "220102", "220100");
		String code = app.get("creditCode");
		char wrong = code.charAt(17) == '1' ? '2' : '1';
		app.put("creditCode", code.substring(0, 17) + wrong);
		Response refused = submit(withCaptcha(app));
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.body().get("code").asString()).isEqualTo("INVALID_REGISTRATION");
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("creditCode");
		assertThat(refused.body().get("detail").asString()).contains("校验位错误");
		assertThat(count("长春错码医院")).isZero();
	}

	@Test
	void refusesBadFieldsAllAtOnceInChinese() {
		Map<String, String> app = application("", "220202", "220100");
		app.put("contactMobile", "1234");
		app.put("level", "NONSENSE");
		Response refused = submit(withCaptcha(app));
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.text()).contains("机构名称不能为空").contains("手机号").contains("医院等级").contains("应为机构所在地");
	}

	@Test
	void refusesALicenceNumberOfAnExistingInstitutionNamingIt() {
		String licence = this.jdbc.sql("select licence_number from institutions.institution where name = '长春市中心医院'")
			.query(String.class)
			.single();
		Map<String, String> app = application("长春重复许可证医院", "220102", "220100");
		app.put("licenceNumber", licence);
		Response refused = submit(withCaptcha(app));
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.body().get("code").asString()).isEqualTo("REGISTRATION_DUPLICATE");
		assertThat(refused.body().get("detail").asString()).contains("长春市中心医院");
	}

	@Test
	void refusesACreditCodeAnInstitutionAlreadyHoldsAndRecordsTheCodeOnApproval() {
		// a code the bulk load recorded on an existing institution (no application behind
		// it)
		String held = newCreditCode();
		this.jdbc.sql("update institutions.institution set credit_code = ? where name = '长春市中心医院'")
			.param(held)
			.update();
		Map<String, String> app = application("长春统一代码重复医院", "220102", "220100");
		app.put("creditCode", held);
		Response refused = submit(withCaptcha(app));
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("creditCode");
		assertThat(refused.body().get("detail").asString()).contains("长春市中心医院");

		Map<String, String> fresh = application("长春代码登记医院", "220102", "220100");
		Response submitted = submitValid(fresh);
		Response approved = Api.as(this.port, "changchun")
			.post("/api/registrations/" + pendingId(submitted) + "/approve", Map.of());
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(this.jdbc.sql("select credit_code from institutions.institution where name = '长春代码登记医院'")
			.query(String.class)
			.single()).isEqualTo(fresh.get("creditCode"));
	}

	@Test
	void refusesACreditCodeOrLicenceOfAPendingApplicationNamingIt() {
		Map<String, String> first = application("长春先到医院", "220102", "220100");
		submitValid(first);
		Map<String, String> sameCode = application("长春后到医院", "220102", "220100");
		sameCode.put("creditCode", first.get("creditCode"));
		Response byCode = submit(withCaptcha(sameCode));
		assertThat(byCode.status()).as(byCode.text()).isEqualTo(409);
		assertThat(byCode.body().get("detail").asString()).contains("长春先到医院").contains("待审核");
		Map<String, String> sameLicence = application("长春后到医院", "220102", "220100");
		sameLicence.put("licenceNumber", first.get("licenceNumber").toLowerCase(java.util.Locale.ROOT));
		Response byLicence = submit(withCaptcha(sameLicence));
		assertThat(byLicence.status()).as(byLicence.text()).isEqualTo(409);
		assertThat(byLicence.body().get("errors").get(0).get("field").asString()).isEqualTo("licenceNumber");
		Map<String, String> sameUsername = application("长春同名管理员医院", "220102", "220100");
		sameUsername.put("adminUsername", first.get("adminUsername").toUpperCase(java.util.Locale.ROOT));
		Response byUsername = submit(withCaptcha(sameUsername));
		assertThat(byUsername.status()).as("two open applications cannot ask for one administrator username")
			.isEqualTo(409);
		assertThat(byUsername.body().get("errors").get(0).get("field").asString()).isEqualTo("adminUsername");
	}

	@Test
	void refusesTheApprovalByAnAuthorityThatDoesNotCoverTheIssuer() {
		Map<String, String> app = application("吉林市昌邑康复医院", "220202", "220200");
		app.put("issuerName", "吉林市卫生健康委员会");
		Response submitted = submitValid(app);
		Api changchun = Api.as(this.port, "changchun");
		assertThat(changchun.get("/api/registrations").text()).doesNotContain("吉林市昌邑康复医院");
		Response refused = changchun.post("/api/registrations/" + pendingId(submitted) + "/approve", Map.of());
		assertThat(refused.status()).as(refused.text()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("REGION_NOT_COVERED");
		assertThat(refused.body().get("detail").asString()).contains("吉林市卫生健康委员会").contains("不在您的管辖范围内");
		Response returned = changchun.post("/api/registrations/" + pendingId(submitted) + "/return",
				Map.of("reasons", "不是我的"));
		assertThat(returned.status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from institutions.institution where name = '吉林市昌邑康复医院'")
			.query(Long.class)
			.single()).isZero();
		// the province covers it
		assertThat(Api.as(this.port, "province").get("/api/registrations").text()).contains("吉林市昌邑康复医院");
	}

	@Test
	void aReturnedApplicationIsCorrectedAndResubmittedThroughTheStatusLink() {
		Map<String, String> app = application("长春退回医院", "220102", "220100");
		Response submitted = submitValid(app);
		String statusToken = submitted.body().get("statusToken").asString();
		Api changchun = Api.as(this.port, "changchun");
		Response returned = changchun.post("/api/registrations/" + pendingId(submitted) + "/return",
				Map.of("reasons", "扫描件不清晰，请重新上传"));
		assertThat(returned.status()).as(returned.text()).isEqualTo(200);
		Response status = new Api(this.port).post("/api/public/onboarding/status", Map.of("token", statusToken));
		assertThat(status.body().get("status").asString()).isEqualTo("RETURNED");
		assertThat(status.body().get("returnReasons").asString()).isEqualTo("扫描件不清晰，请重新上传");

		Map<String, String> corrected = withCaptcha(app);
		corrected.put("contactMobile", "13904319999");
		List<Map.Entry<String, String>> entries = new ArrayList<>(corrected.entrySet());
		Response resubmitted = new Api(this.port).multipart("/api/public/onboarding/resubmit?token=" + statusToken,
				entries, "scan", "清晰.png", PNG);
		assertThat(resubmitted.status()).as(resubmitted.text()).isEqualTo(200);
		Response pending = new Api(this.port).post("/api/public/onboarding/status", Map.of("token", statusToken));
		assertThat(pending.body().get("status").asString()).isEqualTo("PENDING");
		assertThat(pending.body().get("contactMobile").asString()).isEqualTo("13904319999");
		assertThat(
				this.jdbc.sql("select count(*) from audit.entry where entity_id = ? and action like 'REGISTRATION_%'")
					.param(pendingId(submitted))
					.query(Long.class)
					.single())
			.isEqualTo(3);
	}

	@Test
	void aCaptchaIsSingleUseAndAWrongAnswerUsesItUp() {
		Map<String, String> app = withCaptcha(application("长春验证码医院", "220102", "220100"));
		String right = app.get("captchaAnswer");
		app.put("captchaAnswer", right + "9");
		Response wrong = submit(app);
		assertThat(wrong.status()).as(wrong.text()).isEqualTo(422);
		assertThat(wrong.body().get("code").asString()).isEqualTo("CAPTCHA_WRONG");
		app.put("captchaAnswer", right);
		Response reused = submit(app);
		assertThat(reused.body().get("code").asString()).isEqualTo("CAPTCHA_INVALID");

		Map<String, String> ok = withCaptcha(application("长春验证码医院", "220102", "220100"));
		assertThat(submit(ok).status()).isEqualTo(201);
		Map<String, String> replay = new java.util.LinkedHashMap<>(ok);
		replay.put("creditCode", newCreditCode());
		replay.put("licenceNumber", replay.get("licenceNumber") + "X");
		replay.put("name", "长春重放医院");
		Response replayed = submit(replay);
		assertThat(replayed.body().get("code").asString()).isEqualTo("CAPTCHA_INVALID");
		assertThat(count("长春重放医院")).isZero();
	}

	@Test
	void anExpiredCaptchaIsRefused() {
		Map<String, String> app = withCaptcha(application("长春过期验证码医院", "220102", "220100"));
		this.jdbc.sql("update onboarding.captcha set expires_at = ? where id = ?")
			.params(Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), UUID.fromString(app.get("captchaId")))
			.update();
		assertThat(submit(app).body().get("code").asString()).isEqualTo("CAPTCHA_INVALID");
	}

	@Test
	void throttlesSubmissionsPerAddressInTheDatabase() {
		for (int i = 0; i < 5; i++) {
			Response refused = submit(withCaptcha(application("", "220102", "220100")));
			assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		}
		Response throttled = submit(withCaptcha(application("长春限流医院", "220102", "220100")));
		assertThat(throttled.status()).as(throttled.text()).isEqualTo(429);
		assertThat(throttled.body().get("code").asString()).isEqualTo("REGISTRATION_THROTTLED");
		assertThat(throttled.body().get("retryAfterSeconds").asLong()).isPositive();
		assertThat(this.jdbc.sql("select count from onboarding.request_count where action = 'SUBMIT'")
			.query(Integer.class)
			.single()).isEqualTo(6);
	}

	@Test
	void hospitalAdministratorRunsOnlyItsOwnAccountsBelowItsRole() {
		Api admin = Api.as(this.port, "ccszx-admin");
		Response above = admin.post("/api/institution-accounts",
				Map.of("username", "ccszx-admin2", "displayName", "第二管理员", "role", "HOSPITAL_ADMIN"));
		assertThat(above.status()).as(above.text()).isEqualTo(403);
		assertThat(above.body().get("detail").asString()).contains("不能创建医院管理员账号");
		Response authority = admin.post("/api/institution-accounts",
				Map.of("username", "ccszx-city", "displayName", "市卫健委", "role", "CITY_AUTHORITY"));
		assertThat(authority.status()).isEqualTo(403);
		Response viaUsers = admin.post("/api/users", Map.of("username", "ccszx-other", "displayName", "别院", "role",
				"HOSPITAL_CLERK", "initialPassword", PASSWORD));
		assertThat(viaUsers.status()).isEqualTo(403);

		UUID otherPerson = this.jdbc.sql("""
				select p.id from personnel.person p join institutions.institution i on i.id = p.institution_id
				 where i.name <> '长春市中心医院' limit 1
				""").query(UUID.class).single();
		Response foreignPerson = admin.post("/api/institution-accounts", Map.of("username", "ccszx-foreign",
				"displayName", "外院医师", "role", "PHYSICIAN", "personId", otherPerson.toString()));
		assertThat(foreignPerson.status()).as(foreignPerson.text()).isEqualTo(422);
		assertThat(foreignPerson.body().get("detail").asString()).contains("不是本院");

		UUID otherClerk = this.jdbc.sql("select id from identity.user_account where username = 'jiangcheng-clerk'")
			.query(UUID.class)
			.single();
		assertThat(admin.post("/api/institution-accounts/" + otherClerk + "/disable", Map.of()).status())
			.isEqualTo(403);
		assertThat(admin.post("/api/institution-accounts/" + otherClerk + "/reset", Map.of()).status()).isEqualTo(403);
		UUID self = this.jdbc.sql("select id from identity.user_account where username = 'ccszx-admin'")
			.query(UUID.class)
			.single();
		assertThat(admin.post("/api/institution-accounts/" + self + "/reset", Map.of()).status()).isEqualTo(403);
		assertThat(Api.as(this.port, "ccszx-clerk").get("/api/institution-accounts").status()).isEqualTo(403);
	}

	@Test
	void createdAccountsActivateOnceAndAResetOrExpiryEndsTheLink() {
		Api admin = Api.as(this.port, "ccszx-admin");
		Response created = admin.post("/api/institution-accounts",
				Map.of("username", "ccszx-clerk-new", "displayName", "新医务科", "role", "HOSPITAL_CLERK"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String first = token(created.body().get("activationPath").asString());
		assertThat(admin.get("/api/institution-accounts").text()).contains("ccszx-clerk-new");

		String id = created.body().get("account").get("id").asString();
		Response reset = admin.post("/api/institution-accounts/" + id + "/reset", Map.of());
		assertThat(reset.status()).as(reset.text()).isEqualTo(200);
		Response replaced = new Api(this.port).post("/api/public/activation",
				Map.of("token", first, "password", PASSWORD));
		assertThat(replaced.body().get("code").asString()).isEqualTo("ACTIVATION_REPLACED");

		String second = token(reset.body().get("activationPath").asString());
		this.jdbc.sql("update identity.activation_token set expires_at = ? where user_id = ? and used_at is null")
			.params(Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), UUID.fromString(id))
			.update();
		Response expired = new Api(this.port).post("/api/public/activation",
				Map.of("token", second, "password", PASSWORD));
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.body().get("code").asString()).isEqualTo("ACTIVATION_EXPIRED");
		assertThat(new Api(this.port).tryLogin("ccszx-clerk-new", PASSWORD).status()).isEqualTo(401);
		assertThat(new Api(this.port).post("/api/public/activation", Map.of("token", "nonsense", "password", PASSWORD))
			.body()
			.get("code")
			.asString()).isEqualTo("ACTIVATION_UNKNOWN");

		Response third = admin.post("/api/institution-accounts/" + id + "/reset", Map.of());
		assertThat(new Api(this.port)
			.post("/api/public/activation",
					Map.of("token", token(third.body().get("activationPath").asString()), "password", PASSWORD))
			.status()).isEqualTo(200);
		assertThat(new Api(this.port).tryLogin("ccszx-clerk-new", PASSWORD).status()).isEqualTo(200);
		assertThat(admin.post("/api/institution-accounts/" + id + "/disable", Map.of()).status()).isEqualTo(200);
		assertThat(new Api(this.port).tryLogin("ccszx-clerk-new", PASSWORD).body().get("code").asString())
			.isEqualTo("ACCOUNT_DISABLED");
	}

	@Test
	void aPersonLeavesInOneStepAccountsDisabledAndOffTheStaffList() {
		UUID wang = this.jdbc.sql("select person_id from identity.user_account where username = 'doctor-wang'")
			.query(UUID.class)
			.single();
		assertThat(Api.as(this.port, "ccszx-clerk").post("/api/people/" + wang + "/leave", Map.of()).status())
			.isEqualTo(403);
		assertThat(Api.as(this.port, "jiangcheng-clerk").post("/api/people/" + wang + "/leave", Map.of()).status())
			.isEqualTo(403);
		Response left = Api.as(this.port, "ccszx-admin").post("/api/people/" + wang + "/leave", Map.of());
		assertThat(left.status()).as(left.text()).isEqualTo(200);
		assertThat(left.body().get("accountsDisabled").asInt()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from personnel.person where id = ? and institution_id is null")
			.param(wang)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(new Api(this.port).tryLogin("doctor-wang", Api.DEMO_PASSWORD).body().get("code").asString())
			.isEqualTo("ACCOUNT_DISABLED");
		// the account of a physician who left stays off: not re-enabled, not reset
		UUID account = this.jdbc.sql("select id from identity.user_account where username = 'doctor-wang'")
			.query(UUID.class)
			.single();
		Api admin = Api.as(this.port, "ccszx-admin");
		for (String step : new String[] { "enable", "reset" }) {
			Response refused = admin.post("/api/institution-accounts/" + account + "/" + step, Map.of());
			assertThat(refused.status()).as(step + " " + refused.text()).isEqualTo(422);
			assertThat(refused.text()).contains("已不在本院人员名单中");
		}
		assertThat(new Api(this.port).tryLogin("doctor-wang", Api.DEMO_PASSWORD).body().get("code").asString())
			.isEqualTo("ACCOUNT_DISABLED");
		assertThat(this.jdbc.sql("select count(*) from audit.entry where action = 'PERSON_LEFT' and entity_id = ?")
			.param(wang.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long count(String institutionName) {
		return this.jdbc.sql("select count(*) from onboarding.registration where name = ?")
			.param(institutionName)
			.query(Long.class)
			.single()
				+ this.jdbc.sql("select count(*) from institutions.institution where name = ?")
					.param(institutionName)
					.query(Long.class)
					.single();
	}

}
