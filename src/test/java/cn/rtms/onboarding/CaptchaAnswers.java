package cn.rtms.onboarding;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test-only way to answer the registration captcha: reads the stored answer straight
 * from {@code onboarding.captcha}. The application itself has no code that returns an
 * answer, and this class exists only in the test sources.
 */
public final class CaptchaAnswers {

	private CaptchaAnswers() {
	}

	/**
	 * @param jdbc the test's database access
	 * @param captchaId a captcha issued by {@code POST /api/public/onboarding/captcha}
	 * @return its answer
	 */
	public static String answer(JdbcClient jdbc, String captchaId) {
		return jdbc.sql("select answer from onboarding.captcha where id = ?")
			.param(UUID.fromString(captchaId))
			.query(String.class)
			.single();
	}

}
