/**
 * The audit trail: every state change of the platform (who, when, from which address,
 * what before and after) is appended, in the caller's transaction, to a hash-chained log
 * that cannot be altered without detection. Offers the chain verification (endpoint and
 * {@code ./rtms audit-verify}), entry queries, and {@link cn.rtms.audit.EditHistory}:
 * optimistic locking that says who changed which fields since a caller's version (409
 * {@link cn.rtms.audit.StaleEdit}). Owns schema {@code audit}; does not interpret what it
 * records. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.audit;
