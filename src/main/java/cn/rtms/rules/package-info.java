/**
 * Regulations as code: loads every spec edition (one YAML file per technology edition)
 * and validates it against the JSON schema at startup; the pure-Java engine in
 * rules.engine evaluates institutions, physicians, staff, trainees and training bases
 * clause by clause. EligibilityManagement builds facts from institutions and personnel
 * and chooses the edition in force by date and jurisdiction. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "catalog", "identity", "institutions", "personnel", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.rules;
