package cn.rtms.audit;

import java.util.List;

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

	@Autowired
	AuditAnchors anchors;

	@Autowired
	AuditChainUpgrade upgrade;

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

	/**
	 * The attack of issue 7: whoever can write the database edits an entry and recomputes
	 * the hashes from there on with the published algorithm (SHA-256 of the canonical
	 * text). Unkeyed, the chain verified as intact.
	 */
	@Test
	void detectsAnEditReChainedWithoutTheKey() {
		AuditEntry edited = append("t-5", null, java.util.Map.of("beds", 10));
		AuditEntry after = append("t-5", java.util.Map.of("beds", 10), java.util.Map.of("beds", 11));
		assertThat(this.audit.verify().valid()).isTrue();
		List<AuditEntry> original = tail(edited.id());
		try {
			reChainWithoutKey(edited.id(), "{\"beds\":999}");
			ChainVerification verdict = this.audit.verify();
			assertThat(verdict.valid()).isFalse();
			assertThat(verdict.firstBrokenId()).isEqualTo(edited.id());
		}
		finally {
			restore(original);
		}
		assertThat(after.previousHash()).isEqualTo(edited.hash());
		assertThat(this.audit.verify().valid()).isTrue();
	}

	@Test
	void detectsACutTailFromTheAnchorsOutsideTheDatabase() {
		append("t-6", null, "a");
		AuditEntry last = append("t-6", "a", "b");
		assertThat(this.anchors.checkpoint()).contains(last.id());
		assertThat(this.anchors.read()).containsEntry(last.id(), last.hash());
		List<AuditEntry> original = tail(last.id());
		this.jdbc.sql("delete from audit.entry where id = ?").param(last.id()).update();
		try {
			ChainVerification verdict = this.audit.verify();
			assertThat(verdict.valid()).as("chain itself is still linked, only the anchor sees the cut").isFalse();
			assertThat(verdict.firstBrokenId()).isEqualTo(last.id());
			assertThat(verdict.message()).contains("截断");
		}
		finally {
			restore(original);
		}
		assertThat(this.audit.verify().valid()).isTrue();
		assertThat(this.audit.verify().message()).contains("锚点");
	}

	@Test
	void reKeysAnUnkeyedChainOnceWhenNoAnchorWasEverWritten() throws Exception {
		append("t-7", null, "legacy");
		List<AuditEntry> keyed = tail(0);
		java.nio.file.Path anchorFile = this.anchors.file();
		java.nio.file.Path savedAnchors = anchorFile.resolveSibling("saved-anchors");
		boolean hadAnchors = java.nio.file.Files.exists(anchorFile);
		if (hadAnchors) {
			java.nio.file.Files.move(anchorFile, savedAnchors);
		}
		try {
			reChainWithoutKey(keyed.getFirst().id(), null);
			assertThat(this.audit.verify().valid()).as("an unkeyed chain does not verify under the key").isFalse();
			java.nio.file.Files.writeString(anchorFile, "1 " + "f".repeat(64) + " 2026-01-01T00:00:00Z\n");
			assertThat(this.upgrade.upgrade()).as("anchors exist: an unkeyed chain is a forgery").isZero();
			java.nio.file.Files.delete(anchorFile);

			assertThat(this.upgrade.upgrade()).isEqualTo(keyed.size());
			ChainVerification verdict = this.audit.verify();
			assertThat(verdict.valid()).isTrue();
			assertThat(verdict.entries()).isEqualTo(keyed.size() + 1);
			AuditEntry marker = this.audit.entries("AuditChain", null, 1).getFirst();
			assertThat(marker.action()).isEqualTo("AUDIT_CHAIN_KEYED");
			assertThat(this.upgrade.upgrade()).as("only once").isZero();
		}
		finally {
			java.nio.file.Files.deleteIfExists(anchorFile);
			if (hadAnchors) {
				java.nio.file.Files.move(savedAnchors, anchorFile);
			}
		}
	}

	@Test
	void keepsWhatPostgresqlCouldNotStore() {
		String name = "n".repeat(65) + "\u0000x";
		AuditEntry entry = this.audit.recordAs(null, name.repeat(2), "LOGIN_FAILED", "User", name, null,
				java.util.Map.of("reason", "用户名不存在"));
		assertThat(entry.entityId()).hasSize(64).doesNotContain("\u0000");
		assertThat(entry.actorName()).hasSize(100);
		assertThat(this.audit.verify().valid()).isTrue();
	}

	private List<AuditEntry> tail(long fromId) {
		return this.jdbc.sql("select * from audit.entry where id >= ? order by id")
			.param(fromId)
			.query((rs, n) -> AuditTrail.mapRow(rs))
			.list();
	}

	/**
	 * Recomputes, with unkeyed SHA-256, the chain from one entry on, optionally editing
	 * it.
	 */
	private void reChainWithoutKey(long fromId, String newAfter) {
		String previous = this.jdbc.sql("select hash from audit.entry where id < ? order by id desc limit 1")
			.param(fromId)
			.query(String.class)
			.optional()
			.orElse(AuditTrail.GENESIS);
		for (AuditEntry e : tail(fromId)) {
			String after = e.id() == fromId && newAfter != null ? newAfter : e.after();
			String hash = sha256(AuditTrail.canonical(previous, e.occurredAt(), e.actorId(), e.actorName(),
					e.actorRole(), e.address(), e.action(), e.entityType(), e.entityId(), e.before(), after));
			this.jdbc.sql("update audit.entry set after_state = ?, previous_hash = ?, hash = ? where id = ?")
				.params(after, previous, hash, e.id())
				.update();
			previous = hash;
		}
	}

	private void restore(List<AuditEntry> entries) {
		for (AuditEntry e : entries) {
			this.jdbc.sql("delete from audit.entry where id = ?").param(e.id()).update();
			this.jdbc.sql("""
					insert into audit.entry (id, occurred_at, actor_id, actor_name, actor_role, address, action,
					  entity_type, entity_id, before_state, after_state, previous_hash, hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(e.id(), java.time.OffsetDateTime.ofInstant(e.occurredAt(), java.time.ZoneOffset.UTC),
						e.actorId(), e.actorName(), e.actorRole(), e.address(), e.action(), e.entityType(),
						e.entityId(), e.before(), e.after(), e.previousHash(), e.hash())
				.update();
		}
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
