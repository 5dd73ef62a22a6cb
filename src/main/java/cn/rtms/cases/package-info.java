/**
 * The case registry (病例登记, issue 8): every procedure of a restricted technology reported
 * once by its hospital from a case form generated from the technology's case-form
 * definition, checked on submit and flagged (未备案开展, 未授权/超范围, no consent, no pre-operative
 * pathology, expired devices), corrected only by audited amendments, followed up on the
 * schedule its definition gives, and its devices traced. Also answers who may practise
 * what on a given day ({@link cn.rtms.cases.PracticeRights}) for the submit checks and
 * the order-entry check of hospital systems. Owns the {@code cases} schema; refers to
 * institutions, people, filings and authorizations by id only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "rules", "institutions", "personnel",
		"filing", "authorization", "devices", "identity", "audit", "platform", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.cases;
