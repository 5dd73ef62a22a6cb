/**
 * Authentication, users, roles and data scope: session login with BCrypt passwords
 * (sessions kept in PostgreSQL, table {@code identity.spring_session}, shared by all
 * nodes), password policy, lockout and forced change of initial passwords (等保), the
 * current user ({@link cn.rtms.identity.IdentityManagement}) and the permission checks
 * every application service calls ({@link cn.rtms.identity.AccessPolicy}), including what
 * a clause confirmation by the current user is worth
 * ({@link cn.rtms.identity.Confirmation}). It does not know institutions or regions
 * itself: the region tree comes through {@link cn.rtms.identity.RegionHierarchy}, which
 * the institutions module implements. API keys of hospital systems
 * ({@link cn.rtms.identity.ApiKeyManagement}, stored as SHA-256, scoped to one hospital)
 * authenticate a stateless machine principal ({@link cn.rtms.identity.ApiClient}) that
 * may reach only the order-entry check. Accounts created without a password (by a
 * registration's approval or by a hospital administrator, who runs its own institution's
 * accounts through {@link cn.rtms.identity.InstitutionAccounts}) are activated once
 * through a hashed, expiring token. Publishes {@link cn.rtms.identity.UserEvent} for
 * every login, lockout, password change and user change and
 * {@link cn.rtms.identity.ApiKeyChanged} for every API-key change (recorded by audit).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.identity;
