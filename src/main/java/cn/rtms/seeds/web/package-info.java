/**
 * HTTP endpoints of the seed ledger under {@code /api/seeds} (docs/seed-ledger.md).
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.seeds.web;
