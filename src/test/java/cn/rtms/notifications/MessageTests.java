package cn.rtms.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message fits its columns whatever its parts: a revocation proposal lists every
 * failing clause with its explanation, and a body over 1,000 characters made the insert
 * fail, so the authorities never got the message and its event was redelivered again and
 * again.
 */
class MessageTests {

	@Test
	void titleAndBodyAreClippedToTheirColumnsWithAnEllipsis() {
		String clauses = "第三条（一）：不符合。".repeat(200);
		Notifications.Message message = new Notifications.Message("REVOCATION_PROPOSED", "撤销建议：".repeat(50),
				"建议撤销：" + clauses, "/filings/x", "Filing", null);
		assertThat(message.body()).hasSize(1000).startsWith("建议撤销：第三条").endsWith("…");
		assertThat(message.title()).hasSize(200).endsWith("…");
		Notifications.Message shortOne = new Notifications.Message("K", "标题", "正文", null, null, null);
		assertThat(shortOne.body()).isEqualTo("正文");
		assertThat(shortOne.title()).isEqualTo("标题");
	}

}
