/**
 * Administrative regions (GB/T 2260) and institutions with their practice licence, registered subjects, departments and beds, equipment, operating rooms, facilities, other licences, yearly case volumes and confirmed attestations. Does not judge eligibility (see rules) and does not own people (see personnel). Publishes no events yet.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "catalog", "identity", "web"})
@org.jspecify.annotations.NullMarked
package cn.rtms.institutions;
