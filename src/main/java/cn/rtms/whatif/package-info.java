/**
 * What-if across saved records (issue 10 item 5, docs/what-if.md): "if this physician
 * leaves / this device goes out of service / this new edition takes effect" — which
 * eligibility verdicts, filings and authorizations change, computed from the saved
 * records by the rules engine and never saved; and the clause-level diff of two spec
 * editions with the institutions each change affects. A module of its own because it
 * reads filings and authorizations, which themselves depend on rules (ADR 0029).
 * Publishes no events, writes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "rules", "filing", "authorization",
		"institutions", "personnel", "identity", "catalog", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.whatif;
