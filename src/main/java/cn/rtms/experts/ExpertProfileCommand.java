package cn.rtms.experts;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Command: an expert's pool profile.
 *
 * @param regionCode pool region, only when placing an expert account that has none yet
 * (otherwise ignored)
 * @param specialties catalogue technology codes, 1 to 30
 * @param employerInstitutionId employer on the platform, or null
 * @param employerName employer outside the platform (free text), or null; not both
 * @param active whether the expert is active in the pool (null: active)
 * @param version the version read, for updates (null: no check)
 */
public record ExpertProfileCommand(@Nullable @Pattern(regexp = "\\d{6}", message = "行政区划代码必须是 6 位数字") String regionCode,
		@NotNull(message = "专业方向不能为空") @Size(min = 1, max = 30,
				message = "专业方向须选择 1 至 30 项限制类技术") List<@NotNull String> specialties,
		@Nullable UUID employerInstitutionId,
		@Nullable @Size(max = 200, message = "受聘单位名称不能超过 200 个字") String employerName, @Nullable Boolean active,
		@Nullable Long version) {
}
