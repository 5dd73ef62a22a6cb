package cn.rtms.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-keys, once, a chain written before the audit chain was keyed (plain SHA-256 of the
 * same canonical text): at start-up, before anything else is recorded, when the first
 * entry carries an unkeyed hash, no anchor was ever written and the whole unkeyed chain
 * verifies, every entry's hash is recomputed under the key in one transaction and
 * {@code AUDIT_CHAIN_KEYED} is recorded with the old head. An unkeyed chain that does not
 * verify is left as it is (verification reports where it breaks), and so is one with
 * anchors: an unkeyed chain after keyed operation can only be a forgery.
 */
@Component
class AuditChainUpgrade implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AuditChainUpgrade.class);

	private final JdbcClient jdbc;

	private final AuditKey key;

	private final AuditAnchors anchors;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	AuditChainUpgrade(JdbcClient jdbc, AuditKey key, AuditAnchors anchors, AuditTrail audit,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.key = key;
		this.anchors = anchors;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		upgrade();
	}

	/**
	 * @return how many entries were re-keyed (0 when the chain needed nothing or could
	 * not be re-keyed)
	 */
	int upgrade() {
		Integer rekeyed = this.transactions.execute(status -> {
			this.jdbc.sql("select pg_advisory_xact_lock(?)").param(AuditTrail.CHAIN_LOCK).query((rs, n) -> 0).list();
			Optional<AuditEntry> first = this.jdbc.sql("select * from audit.entry order by id limit 1")
				.query((rs, n) -> AuditTrail.mapRow(rs))
				.optional();
			if (first.isEmpty() || !first.get().hash().equals(legacy(AuditTrail.GENESIS, first.get()))) {
				return 0;
			}
			if (this.anchors.any()) {
				log.error("审计链首条记录为未加密钥的旧格式，但库外锚点 {} 表明链早已加密钥：不重算，请运行 audit-verify 检查篡改", this.anchors.file());
				return 0;
			}
			List<AuditEntry> entries = this.jdbc.sql("select * from audit.entry order by id")
				.query((rs, n) -> AuditTrail.mapRow(rs))
				.list();
			String previous = AuditTrail.GENESIS;
			for (AuditEntry e : entries) {
				if (!e.previousHash().equals(previous) || !e.hash().equals(legacy(previous, e))) {
					log.error("旧格式审计链在第 {} 条记录处断裂：不重算，保留原样以便追查", e.id());
					return 0;
				}
				previous = e.hash();
			}
			String legacyHead = previous;
			List<Object[]> updates = new ArrayList<>();
			previous = AuditTrail.GENESIS;
			for (AuditEntry e : entries) {
				String keyed = this.key.hash(previous, e.occurredAt(), e.actorId(), e.actorName(), e.actorRole(),
						e.address(), e.action(), e.entityType(), e.entityId(), e.before(), e.after());
				updates.add(new Object[] { previous, keyed, e.id() });
				previous = keyed;
			}
			for (Object[] update : updates) {
				this.jdbc.sql("update audit.entry set previous_hash = ?, hash = ? where id = ?")
					.params(update)
					.update();
			}
			this.audit.recordAs(null, "系统", "AUDIT_CHAIN_KEYED", "AuditChain", "audit.entry", null,
					Map.of("entries", entries.size(), "legacyHead", legacyHead, "scheme", "HMAC-SHA256"));
			return entries.size();
		});
		int count = rekeyed == null ? 0 : rekeyed;
		if (count > 0) {
			log.warn("已将 {} 条旧格式（SHA-256）审计记录校验后改为以密钥（HMAC-SHA256）链接", count);
		}
		return count;
	}

	private static String legacy(String previous, AuditEntry e) {
		return AuditTrail.legacyHash(previous, e.occurredAt(), e.actorId(), e.actorName(), e.actorRole(), e.address(),
				e.action(), e.entityType(), e.entityId(), e.before(), e.after());
	}

}
