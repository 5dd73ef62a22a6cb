/**
 * Runtime infrastructure: starts the embedded PostgreSQL (zonky) when no external
 * database is configured, keeping its data under {@code var/} of the checkout between
 * runs. Owns no business data and publishes no events. See
 * docs/adr/0003-platform-module.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package cn.rtms.platform;
