package cn.rtms.experts;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Command: an authority creates an expert account in a pool of its region, with its
 * profile. The initial password must be changed at first login.
 *
 * @param username login name
 * @param displayName name shown
 * @param regionCode pool region (province or city tier, inside the authority's
 * jurisdiction)
 * @param initialPassword initial password (password policy)
 * @param specialties catalogue technology codes, 1 to 30
 * @param employerInstitutionId employer on the platform, or null
 * @param employerName employer outside the platform (free text), or null; not both
 */
public record CreateExpert(
		@NotBlank(message = "用户名不能为空") @Pattern(regexp = "[A-Za-z0-9._-]{3,60}",
				message = "用户名只能包含字母、数字、“.”、“_”、“-”，3 至 60 位") String username,
		@NotBlank(message = "姓名不能为空") @Size(max = 100, message = "姓名不能超过 100 个字") String displayName,
		@NotBlank(message = "专家库所在行政区划不能为空") @Pattern(regexp = "\\d{6}", message = "行政区划代码必须是 6 位数字") String regionCode,
		@NotBlank(message = "初始密码不能为空") String initialPassword,
		@NotNull(message = "专业方向不能为空") @Size(min = 1, max = 30,
				message = "专业方向须选择 1 至 30 项限制类技术") List<@NotNull String> specialties,
		@Nullable UUID employerInstitutionId,
		@Nullable @Size(max = 200, message = "受聘单位名称不能超过 200 个字") String employerName) {
}
