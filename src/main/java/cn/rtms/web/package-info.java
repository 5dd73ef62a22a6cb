/**
 * Cross-cutting web concerns only: serving the single-page application, mapping
 * exceptions to RFC 9457 problem details with Chinese messages and stable codes (also for
 * errors Spring Security's firewall, the {@code /error} dispatch and Tomcat answer),
 * bounding what a request may carry ({@code InputRules}, applied to JSON bodies,
 * parameters and body sizes), writing decimals in plain notation
 * ({@code JsonOutputConfiguration}), and OpenAPI setup. Domain controllers live in their
 * own modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package cn.rtms.web;
