package cn.rtms.rules.engine.spec;

import org.jspecify.annotations.Nullable;

/**
 * An ICD-9-CM-3 (临床版) procedure code belonging to the technology.
 *
 * @param code normalised code without spaces, e.g. 50.2400x002
 * @param name Chinese name
 * @param subTechnique declared sub-technique code, or {@code null}
 */
public record ProcedureCode(String code, String name, @Nullable String subTechnique) {
}
