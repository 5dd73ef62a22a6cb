/**
 * Demo data: on first start of an empty database, loads the fictional Jilin hospitals and
 * people of {@code demo/institutions.yaml} through the institutions and personnel use
 * cases (so they pass the same validation as user input), once, and the demo accounts of
 * every role (password {@code Rtms@2026}, listed on the console when the application is
 * ready), and six demo filings in every workflow state, built through the filing use
 * cases by the demo accounts ({@code rtms.demo-data.filings}). Dates move with the day of
 * the first start. Three years of demo cases with prior filings, authorizations and
 * follow-ups ({@code rtms.demo-data.cases}, {@link cn.rtms.demo.DemoCases}). Disabled
 * with {@code rtms.demo-data.enabled=false}. A few units of the equipment register
 * ({@code DemoEquipment}). A filed G08 training base with two trainee files
 * ({@code DemoTraining}, {@code rtms.demo-data.training}). Owns no tables and publishes
 * no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "institutions", "personnel",
		"filing", "experts", "catalog", "authorization", "authorization :: terms", "cases", "cases :: followup",
		"equipment", "seeds", "training", "training :: base", "training :: trainee" })
@org.jspecify.annotations.NullMarked
package cn.rtms.demo;
