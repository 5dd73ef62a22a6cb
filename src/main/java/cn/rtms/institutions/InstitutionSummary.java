package cn.rtms.institutions;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A line of the institution list.
 *
 * @param id institution id
 * @param name name
 * @param regionCode region code
 * @param regionName region name
 * @param level level
 * @param levelLabel level in Chinese
 * @param type type
 * @param typeLabel type in Chinese
 * @param beds total beds recorded, or null when no departments are recorded
 */
public record InstitutionSummary(UUID id, String name, String regionCode, String regionName, InstitutionLevel level,
		String levelLabel, InstitutionType type, String typeLabel, @Nullable Long beds) {
}
