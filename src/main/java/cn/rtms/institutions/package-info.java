/**
 * Administrative regions (GB/T 2260) and institutions with their practice licence,
 * registered subjects, departments and beds, equipment, operating rooms, facilities,
 * other licences, yearly case volumes and clause confirmations recorded as acts (hospital
 * declaration or authority review, ADR 0013). Region, level, type and licence change only
 * through the authority or the system administrator, with an audited reason; records
 * carry a version (stale edits 409). Does not judge eligibility (see rules) and does not
 * own people (see personnel). Implements identity's region hierarchy. Publishes
 * {@link cn.rtms.institutions.InstitutionChanged} after every create or update, and one
 * {@link cn.rtms.institutions.InstitutionsChanged} per bulk load; every change is
 * audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "catalog", "identity", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.institutions;
