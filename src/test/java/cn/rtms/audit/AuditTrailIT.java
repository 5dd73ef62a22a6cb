package cn.rtms.audit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class AuditTrailIT {

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private AuditEntry append(String entityId, Object before, Object after) {
		return this.transactions.execute(status -> this.audit.record("TEST_CHANGED", "Test", entityId, before, after));
	}

	@Test
	void chainsEntriesAndDetectsTheFirstTamperedOne() {
		AuditEntry first = append("t-1", null, java.util.Map.of("beds", 30));
		AuditEntry second = append("t-1", java.util.Map.of("beds", 30), java.util.Map.of("beds", 29));
		AuditEntry third = append("t-2", null, java.util.Map.of("name", "甲"));
		assertThat(second.previousHash()).isEqualTo(first.hash());
		assertThat(third.previousHash()).isEqualTo(second.hash());
		assertThat(this.audit.verify().valid()).isTrue();

		this.jdbc.sql("update audit.entry set after_state = '{\"beds\":31}' where id = ?").param(second.id()).update();
		ChainVerification tampered = this.audit.verify();
		assertThat(tampered.valid()).isFalse();
		assertThat(tampered.firstBrokenId()).isEqualTo(second.id());
		assertThat(tampered.message()).contains("第 " + second.id() + " 条");

		this.jdbc.sql("update audit.entry set after_state = ? where id = ?")
			.params(second.after(), second.id())
			.update();
		assertThat(this.audit.verify().valid()).isTrue();

		this.jdbc.sql("delete from audit.entry where id = ?").param(second.id()).update();
		assertThat(this.audit.verify().firstBrokenId()).isEqualTo(third.id());

		this.jdbc
			.sql("""
					insert into audit.entry (id, occurred_at, actor_id, actor_name, actor_role, address, action, entity_type,
					  entity_id, before_state, after_state, previous_hash, hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
			.params(second.id(), java.time.OffsetDateTime.ofInstant(second.occurredAt(), java.time.ZoneOffset.UTC),
					second.actorId(), second.actorName(), second.actorRole(), second.address(), second.action(),
					second.entityType(), second.entityId(), second.before(), second.after(), second.previousHash(),
					second.hash())
			.update();
		assertThat(this.audit.verify().valid()).as("restored for the other tests of this context").isTrue();
	}

	@Test
	void refusesToRecordOutsideATransaction() {
		assertThatThrownBy(() -> this.audit.record("TEST_CHANGED", "Test", "t-3", null, null))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

	@Test
	void anEntryRollsBackWithItsChange() {
		long before = this.jdbc.sql("select count(*) from audit.entry").query(Long.class).single();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult(status -> {
			this.audit.record("TEST_CHANGED", "Test", "t-4", null, "x");
			throw new IllegalStateException("业务失败");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(this.jdbc.sql("select count(*) from audit.entry").query(Long.class).single()).isEqualTo(before);
	}

}
