/**
 * Physicians and other staff: licence, title history, clinical start, specialties,
 * training records, yearly case volumes per technology and adverse events. Validates
 * dated facts (no title before licence, no future dates). Does not judge eligibility (see
 * rules). A person leaving ({@link cn.rtms.personnel.PersonDepartures}) disables the
 * person's accounts and takes the person off the staff list in one step. Publishes
 * {@link cn.rtms.personnel.PersonChanged} after every create or update; every change is
 * audited.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "catalog", "identity", "institutions", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.personnel;
