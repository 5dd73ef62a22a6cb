/**
 * The spec definition model ({@link cn.rtms.rules.engine.spec.RequirementSpec}, one per
 * technology edition), its loader with JSON-schema and semantic validation
 * ({@link cn.rtms.rules.engine.spec.SpecLoader}), and the library that picks the edition
 * in force ({@link cn.rtms.rules.engine.spec.SpecLibrary}). Format: docs/spec-format.md.
 * Pure Java.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.rules.engine.spec;
