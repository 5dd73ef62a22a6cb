package cn.rtms.filing;

import cn.rtms.identity.IdentityManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the revocation check every day ({@code rtms.filing.revocation-check.cron},
 * Asia/Shanghai) as the system user. Besides this daily run,
 * {@link EligibilityChangeListener} re-checks an institution's filings when its record or
 * its people change, and everything once at startup.
 */
@Component
class RevocationSchedule {

	private static final Logger log = LoggerFactory.getLogger(RevocationSchedule.class);

	private final RevocationCheck filings;

	private final IdentityManagement identity;

	RevocationSchedule(RevocationCheck filings, IdentityManagement identity) {
		this.filings = filings;
		this.identity = identity;
	}

	@Scheduled(cron = "${rtms.filing.revocation-check.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void daily() {
		RevocationCheckResult result = this.identity
			.asSystem((java.util.function.Supplier<RevocationCheckResult>) this.filings::checkRevocations);
		log.info("备案撤销检查：检查 {} 项有效备案，新增撤销建议 {} 项，无法判断 {} 项，出错 {} 项", result.checked(), result.proposed().size(),
				result.undetermined().size(), result.errors().size());
	}

}
