/**
 * HTTP endpoints of the order-entry check: /api/gate, /api/gate/ping and
 * /api/gate/overrides (docs/gate.md).
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.gate.web;
