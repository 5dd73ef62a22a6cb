/**
 * Runtime infrastructure: starts the embedded PostgreSQL (zonky) when no external
 * database is configured, keeping its data under {@code var/} of the checkout between
 * runs, password-protected, loopback-only and durable, clearing a postmaster orphaned by
 * a killed run ({@link cn.rtms.platform.EmbeddedDatabase}), or throw-away test clusters
 * copied from one initialised template ({@code ClusterTemplate}); backs up and restores
 * the database ({@link cn.rtms.platform.DatabaseBackup}, publishes
 * {@link cn.rtms.platform.DatabaseRestored}); tells the client address behind trusted
 * proxies ({@link cn.rtms.platform.ClientAddress}); runs a background job on one node
 * only when several share the database ({@link cn.rtms.platform.ClusterJobs}), and at
 * start-up the daily jobs whose trigger passed while no node ran
 * ({@link cn.rtms.platform.DailyJob}, {@link cn.rtms.platform.MissedDailyJobs}); and the
 * platform's one {@link java.time.Clock} (Asia/Shanghai; pinned to a given moment with
 * {@code rtms.clock.pinned} for tests and demos, readable by the browser at
 * {@code GET /api/public/clock}). Owns schema {@code platform} (job runs and Spring
 * Modulith's event publication registry), no business data. See
 * docs/adr/0003-platform-and-demo-modules.md,
 * docs/adr/0006-one-clock-and-a-pinned-test-day.md,
 * docs/adr/0010-durable-embedded-database-and-backups.md,
 * docs/adr/0011-sessions-locks-and-events-in-the-database.md and
 * docs/adr/0041-daily-jobs-catch-up-at-start-up.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package cn.rtms.platform;
