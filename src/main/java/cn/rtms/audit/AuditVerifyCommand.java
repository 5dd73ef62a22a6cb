package cn.rtms.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./rtms audit-verify}: starts without web server
 * ({@code --rtms.command=audit-verify}), verifies the whole chain, prints the result and
 * exits with status 0 (intact) or 3 (broken).
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "rtms.command", havingValue = "audit-verify")
class AuditVerifyCommand implements ApplicationRunner {

	private final AuditTrail audit;

	private final ConfigurableApplicationContext context;

	AuditVerifyCommand(AuditTrail audit, ConfigurableApplicationContext context) {
		this.audit = audit;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		ChainVerification result = this.audit.verify();
		System.out.println(result.message());
		int status = result.valid() ? 0 : 3;
		System.exit(SpringApplication.exit(this.context, () -> status));
	}

}
