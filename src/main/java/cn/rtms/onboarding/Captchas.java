package cn.rtms.onboarding;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import cn.rtms.identity.IdentityManagement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offline captcha of the public registration: a small sum or difference drawn as a
 * PNG on the server ({@link CaptchaImage}, no external service); the answer is kept only
 * in {@code onboarding.captcha} under the captcha's id, valid for {@link #VALIDITY} and
 * for one use — a wrong answer uses it up too. Issuing is throttled per client address
 * ({@code rtms.onboarding.max-captchas-per-hour}, 30 by default). Nothing in the running
 * application reads an answer back (tests read the table directly).
 */
@Service
public class Captchas {

	/** How long a captcha may be answered. */
	public static final Duration VALIDITY = Duration.ofMinutes(10);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentityManagement identity;

	private final RequestThrottle throttle;

	private final int maxPerHour;

	Captchas(JdbcClient jdbc, Clock clock, IdentityManagement identity, RequestThrottle throttle,
			@Value("${rtms.onboarding.max-captchas-per-hour:30}") int maxPerHour) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.identity = identity;
		this.throttle = throttle;
		this.maxPerHour = maxPerHour;
	}

	/**
	 * @return a new captcha: its id and image
	 * @throws cn.rtms.web.ProblemException 429 {@code REGISTRATION_THROTTLED}
	 */
	@Transactional
	public Captcha issue() {
		String address = this.identity.clientAddress();
		this.throttle.count(address, "CAPTCHA", this.maxPerHour, "验证码请求");
		int a = 1 + RANDOM.nextInt(19);
		int b = 1 + RANDOM.nextInt(9);
		boolean plus = RANDOM.nextBoolean() || a < b;
		int answer = plus ? a + b : a - b;
		byte[] png = CaptchaImage.png(a + (plus ? "+" : "-") + b + "=?", RANDOM);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into onboarding.captcha (id, answer, address, created_at, expires_at) values (?, ?, ?, ?, ?)
				""")
			.params(id, Integer.toString(answer), address, Timestamp.from(now), Timestamp.from(now.plus(VALIDITY)))
			.update();
		this.jdbc.sql("delete from onboarding.captcha where expires_at < ?")
			.param(Timestamp.from(now.minus(Duration.ofDays(1))))
			.update();
		return new Captcha(id, "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
	}

	/**
	 * Uses up a captcha and checks its answer; committed at once, so that a refused
	 * application cannot try the same captcha again.
	 * @param id the captcha
	 * @param answer the answer typed
	 * @throws cn.rtms.web.ProblemException 422 {@code CAPTCHA_INVALID} for an unknown,
	 * used or expired captcha, {@code CAPTCHA_WRONG} for a wrong answer
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = RuntimeException.class)
	public void use(UUID id, String answer) {
		Instant now = this.clock.instant();
		String expected = this.jdbc.sql("""
				update onboarding.captcha set used_at = ?
				 where id = ? and used_at is null and expires_at > ?
				returning answer
				""").params(Timestamp.from(now), id, Timestamp.from(now)).query(String.class).optional().orElse(null);
		if (expected == null) {
			throw OnboardingProblems.captchaInvalid();
		}
		if (!expected.equals(answer.strip())) {
			throw OnboardingProblems.captchaWrong();
		}
	}

	/**
	 * A captcha to show.
	 *
	 * @param id its id, sent back with the answer
	 * @param image the PNG as a data URL
	 */
	public record Captcha(UUID id, String image) {
	}

}
