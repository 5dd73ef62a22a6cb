/**
 * Demo data: on first start of an empty database, loads the fictional Jilin hospitals and people of
 * {@code demo/institutions.yaml} through the institutions and personnel use cases (so they pass the same validation
 * as user input), once. Disabled with {@code rtms.demo-data.enabled=false}. Owns no tables and publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "institutions", "personnel" })
@org.jspecify.annotations.NullMarked
package cn.rtms.demo;
