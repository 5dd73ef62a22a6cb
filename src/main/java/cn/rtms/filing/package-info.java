/**
 * Filing (备案) of restricted technologies under 吉卫医发〔2022〕12号: the hospital's
 * self-assessment frozen from the rules engine with attestations and committee opinions,
 * submission to the authority that issued its practice licence, escalation level by level
 * to the review level, expert review, the decision passed back down and noted on the
 * licence, then suspension and revocation (with automatic revocation proposals). Evidence
 * files live with the filing in its own schema. It does not own institutions, people,
 * specs or users: it reads them through their modules' APIs. Who may do what next is one
 * table, {@link cn.rtms.filing.domain.FilingTransitions}, read by the aggregate, the
 * commands ({@link cn.rtms.filing.FilingCommands}), the allowed actions of a filing and
 * the inbox ({@link cn.rtms.filing.FilingQueries}). Publishes
 * {@link cn.rtms.filing.FilingStateChanged} for every transition and
 * {@link cn.rtms.filing.RevocationProposed} for automatic proposals.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "institutions", "personnel", "rules",
		"experts", "identity", "audit", "platform", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.filing;
