/**
 * Runtime infrastructure: starts the embedded PostgreSQL (zonky) when no external
 * database is configured, keeping its data under {@code var/} of the checkout between
 * runs, and the platform's one {@link java.time.Clock} (Asia/Shanghai; pinned to a given
 * moment with {@code rtms.clock.pinned} for tests and demos, readable by the browser at
 * {@code GET /api/public/clock}), and {@link cn.rtms.platform.ClusterJobs}, which runs a
 * background job on one node only when several share the database. Owns schema
 * {@code platform} (job runs and Spring Modulith's event publication registry), no
 * business data, and publishes no events. See docs/adr/0003-platform-and-demo-modules.md,
 * docs/adr/0006-one-clock-and-a-pinned-test-day.md and
 * docs/adr/0011-sessions-locks-and-events-in-the-database.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package cn.rtms.platform;
