/**
 * Typed facts the eligibility engine evaluates: an institution (with its staff) and a
 * person, exactly as described in docs/facts-format.md. A {@code null} list means "not
 * recorded" (rules answer UNKNOWN); an empty list means "recorded: none". Pure Java
 * records, deserialisable from JSON or YAML with
 * {@link cn.rtms.rules.engine.facts.FactsReader}.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.rules.engine.facts;
