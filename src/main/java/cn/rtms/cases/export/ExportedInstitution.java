package cn.rtms.cases.export;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The hospital an export is for.
 *
 * @param id its id in RTMS
 * @param name its name
 * @param licenceNumber 医疗机构执业许可证登记号, null when the record has none (RTMS keeps no
 * 统一社会信用代码)
 * @param regionCode GB/T 2260 code of its county or city
 * @param regionName that region's name, when known
 */
public record ExportedInstitution(UUID id, String name, @Nullable String licenceNumber, String regionCode,
		@Nullable String regionName) {
}
