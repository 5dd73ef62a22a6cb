package cn.rtms.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Command: an authority creates an account below it (see {@link AuthorityAccounts}): a
 * city or county authority of a region inside its jurisdiction, or an expert of a pool in
 * it. The initial password must be changed at first login.
 *
 * @param username login name: letters, digits, '.', '_' or '-', 3–60 characters
 * @param displayName name shown in the UI
 * @param role {@link Role#CITY_AUTHORITY}, {@link Role#COUNTY_AUTHORITY} or
 * {@link Role#EXPERT}
 * @param regionCode the authority's jurisdiction, or the expert's pool region
 * @param initialPassword initial password (password policy applies)
 */
public record CreateSubordinateAccount(
		@NotBlank(message = "用户名不能为空") @Pattern(regexp = "[A-Za-z0-9._-]{3,60}",
				message = "用户名只能包含字母、数字、“.”、“_”、“-”，3 至 60 位") String username,
		@NotBlank(message = "姓名不能为空") @Size(max = 100, message = "姓名不能超过 100 个字") String displayName,
		@NotNull(message = "角色不能为空") Role role,
		@NotBlank(message = "行政区划不能为空") @Pattern(regexp = "\\d{6}", message = "行政区划代码必须是 6 位数字") String regionCode,
		@NotBlank(message = "初始密码不能为空") String initialPassword) {
}
