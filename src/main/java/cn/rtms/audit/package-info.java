/**
 * The audit trail: every state change of the platform (who, when, from which address,
 * what before and after) and every security-relevant read (exports, downloads, prints,
 * refused requests) is appended to a chain keyed with a secret kept outside the database
 * (HMAC-SHA256) whose head is anchored in an append-only file, so it cannot be altered,
 * re-computed or cut without detection (docs/adr/0009-keyed-audit-chain-and-anchors.md).
 * Offers the chain verification (endpoint and {@code ./rtms audit-verify}), entry
 * queries, and {@link cn.rtms.audit.EditHistory}: optimistic locking that says who
 * changed which fields since a caller's version (409 {@link cn.rtms.audit.StaleEdit}).
 * Owns schema {@code audit}; does not interpret what it records. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "platform", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.audit;
