/**
 * Cross-cutting web concerns only: serving the single-page application, mapping
 * exceptions to RFC 9457 problem details with Chinese messages and stable codes, and
 * OpenAPI setup. Domain controllers live in their own modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package cn.rtms.web;
