package cn.rtms.rules;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One ICD-9-CM-3 procedure code listed by a spec edition ({@code procedureCodes}), for
 * modules that map codes to technologies (the discharge scan of the case registry).
 *
 * @param technology technology code, e.g. G08
 * @param specKey the edition, e.g. G08-2023
 * @param effectiveFrom from when the edition applies
 * @param code the code as the spec spells it, e.g. 06.3100x001
 * @param name its name
 * @param subTechnique the sub-technique the code stands for, or null
 */
public record SpecProcedureCode(String technology, String specKey, LocalDate effectiveFrom, String code, String name,
		@Nullable String subTechnique) {
}
