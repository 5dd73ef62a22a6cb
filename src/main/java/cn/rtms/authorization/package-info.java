/**
 * The hospital's ledger of physician authorizations (手术/技术授权): a clerk prepares or a
 * physician applies for a technology, optionally limited to sub-techniques of the spec in
 * force, and the hospital admin grants it (only when the rules module's eligibility
 * verdict is MET and the institution's filing of the technology is self-assessed or later
 * and neither rejected, revoked nor suspended), rejects it, or later revokes it; a
 * granted record is never edited. The system revokes grants when the filing is revoked or
 * the physician leaves the institution. It also answers the expiry reminders
 * (authorizations and institution licences ending within 30/60/90 days). It does not
 * judge eligibility itself and does not own institutions, people or filings. Publishes
 * {@link cn.rtms.authorization.AuthorizationGranted},
 * {@link cn.rtms.authorization.AuthorizationRejected} and
 * {@link cn.rtms.authorization.AuthorizationRevoked}; every change is written to the
 * audit trail.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "catalog", "institutions", "personnel", "rules", "filing", "identity", "audit", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.authorization;
