package cn.rtms.audit;

import java.io.PrintStream;
import java.util.function.IntConsumer;

import org.springframework.beans.factory.annotation.Autowired;
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

	static final int BROKEN = 3;

	private final AuditTrail audit;

	private final PrintStream out;

	private final IntConsumer exit;

	@Autowired
	AuditVerifyCommand(AuditTrail audit, ConfigurableApplicationContext context) {
		this(audit, System.out, status -> System.exit(SpringApplication.exit(context, () -> status)));
	}

	AuditVerifyCommand(AuditTrail audit, PrintStream out, IntConsumer exit) {
		this.audit = audit;
		this.out = out;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		ChainVerification result = this.audit.verify();
		this.out.println(result.message());
		this.exit.accept(result.valid() ? 0 : BROKEN);
	}

}
