package cn.rtms.cases.gate;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One order to check.
 *
 * @param institution the hospital; must be the API key's (null: the key's)
 * @param physician the operating physician: person id or 15-digit 医师执业证书编码
 * @param procedureCode the ICD-9-CM-3 procedure code as the HIS has it, or null when
 * {@code technology} is given
 * @param technology the technology code directly (e.g. {@code G08}), or null
 * @param subTechnique the sub-technique with {@code technology} (e.g. {@code RFA}), or
 * null
 * @param date the planned day, null for today
 */
public record GateQuery(@Nullable UUID institution, @Nullable String physician, @Nullable String procedureCode,
		@Nullable String technology, @Nullable String subTechnique, @Nullable LocalDate date) {
}
