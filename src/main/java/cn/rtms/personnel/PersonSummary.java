package cn.rtms.personnel;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A line of the people list.
 *
 * @param id person id
 * @param name name
 * @param roles roles
 * @param institutionId registered institution
 * @param institutionName its name
 * @param currentTitle current title, null when none recorded
 * @param currentTitleLabel current title in Chinese
 */
public record PersonSummary(UUID id, String name, List<StaffRole> roles, @Nullable UUID institutionId,
		@Nullable String institutionName, @Nullable Title currentTitle, @Nullable String currentTitleLabel) {
}
