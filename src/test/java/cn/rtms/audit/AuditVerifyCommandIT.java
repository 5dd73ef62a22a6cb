package cn.rtms.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class AuditVerifyCommandIT {

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void printsTheVerdictAndExitsThreeWhenTheChainIsBroken() {
		AuditEntry entry = this.transactions
			.execute(status -> this.audit.record("COMMAND_TEST", "Test", "cmd-1", null, "{\"a\":1}"));
		assertThat(run()).isZero();
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("审计链完整");

		this.jdbc.sql("update audit.entry set actor_name = '篡改者' where id = ?").param(entry.id()).update();
		try {
			this.output.reset();
			assertThat(run()).isEqualTo(AuditVerifyCommand.BROKEN);
			assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("第 " + entry.id() + " 条");
		}
		finally {
			this.jdbc.sql("update audit.entry set actor_name = ? where id = ?")
				.params(entry.actorName(), entry.id())
				.update();
		}
		assertThat(this.audit.verify().valid()).isTrue();
	}

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private int run() {
		AtomicInteger status = new AtomicInteger(-1);
		new AuditVerifyCommand(this.audit, new PrintStream(this.output, true, StandardCharsets.UTF_8), status::set)
			.run(new DefaultApplicationArguments());
		return status.get();
	}

}
