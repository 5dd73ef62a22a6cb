/**
 * The home page per role (工作台, docs/workbench.md): a hospital's to-dos (draft and
 * returned filings, clauses awaiting its declaration, licences and authorizations
 * expiring soon, overdue follow-ups, flagged cases), an authority's inbox by task and
 * deadline and the filing statistics of its region, an expert's pending reviews, a
 * physician's own authorizations and eligibility, a training-base administrator's bases
 * and trainees (applications to finish, revocation proposals, training periods ended
 * without a conclusion); the open supervision alerts (监管预警) of a hospital or an
 * authority. It owns no data and publishes no events: every number comes from the public
 * query methods of filing, authorization, cases, rules and training, which count in the
 * current user's scope.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "filing", "authorization", "cases",
		"cases::followup", "rules", "institutions", "identity", "supervision", "training::base", "training::trainee" })
@org.jspecify.annotations.NullMarked
package cn.rtms.workbench;
