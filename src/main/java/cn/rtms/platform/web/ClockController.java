package cn.rtms.platform.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server's "now" and "today", readable without login, so that the browser (and the
 * browser tests) date forms and validity checks by the platform's clock rather than the
 * client's.
 */
@RestController
@Tag(name = "平台")
class ClockController {

	private final Clock clock;

	ClockController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping("/api/public/clock")
	@Operation(summary = "服务器当前时间与今天（Asia/Shanghai）", description = "前端以此作为“今天”；测试中时钟可被固定（rtms.clock.pinned）。")
	ClockResponse clock() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return new ClockResponse(now, LocalDate.now(this.clock), this.clock.getZone().getId());
	}

	/**
	 * @param now the current instant with the platform's offset
	 * @param today the current date in the platform's zone
	 * @param zone the platform's zone id
	 */
	record ClockResponse(OffsetDateTime now, LocalDate today, String zone) {
	}

}
