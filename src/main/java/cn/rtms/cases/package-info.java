/**
 * The case registry (病例登记, issue 8, docs/cases.md): every procedure of a restricted
 * technology reported once by its hospital from a case form generated from the technology
 * edition's case-form definition ({@code case-forms/*.yaml},
 * {@link cn.rtms.cases.CaseForms}), saved as a draft, checked on submit and flagged
 * (未备案开展, 未授权/超范围, no consent, no pre-operative pathology, expired devices, codes outside
 * the spec's list), corrected only by audited amendments with a reason, its devices
 * stored with single-use checks. Patient name, ID number and phone are encrypted
 * ({@link cn.rtms.cases.PatientData}); authorities see a pseudonym. Also answers who may
 * practise what on a given day ({@link cn.rtms.cases.PracticeRights}). Publishes
 * {@link cn.rtms.cases.CaseSubmitted} and {@link cn.rtms.cases.CaseAmended}. Owns the
 * {@code cases} schema; refers to institutions, people, filings and authorizations by id
 * only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "rules", "institutions", "personnel",
		"filing", "authorization", "devices", "identity", "audit", "platform", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.cases;
