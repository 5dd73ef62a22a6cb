/**
 * Capability assessment (能力评估, docs/assessment.md): every 管理规范 requires the institution
 * and its physicians to be assessed periodically on 病例选择, success and effectiveness,
 * serious complications, deaths, adverse events, post-operative management, follow-up and
 * record quality. This module computes such an assessment of a hospital or of a physician
 * at a hospital for one technology and period from the indicator engine
 * ({@link cn.rtms.indicators.IndicatorManagement}) and from the case registry's read-only
 * views ({@code cases.assessment_case}, {@code cases.assessment_follow_up}), and keeps
 * the one the hospital saves — its conclusion, signature block and a snapshot of every
 * figure (ADR 0030) — in its own {@code assessment} schema, linked to the institution's
 * filing of the technology. It does not own cases, indicators or filings and publishes no
 * events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "indicators", "cases", "filing", "catalog",
		"institutions", "personnel", "identity", "audit", "platform", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.assessment;
