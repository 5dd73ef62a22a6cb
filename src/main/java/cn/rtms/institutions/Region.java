package cn.rtms.institutions;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An administrative region (GB/T 2260) with its children.
 *
 * @param code six-digit code
 * @param name Chinese name
 * @param level PROVINCE, CITY or COUNTY
 * @param parentCode parent region, null for the province
 * @param directAdmin managed directly by the province (梅河口市, 长白山管委会 in Jilin)
 * @param note remarks, e.g. that a code is not from GB/T 2260
 * @param children sub-regions
 */
public record Region(String code, String name, String level, @Nullable String parentCode, boolean directAdmin,
		@Nullable String note, List<Region> children) {
}
