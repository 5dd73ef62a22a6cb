package cn.rtms.identity;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Command: create a user account. Hospital roles and {@link Role#TRAINING_BASE_ADMIN}
 * need {@code institutionId}; {@link Role#PHYSICIAN} needs {@code institutionId} and
 * {@code personId}; authorities need {@code regionCode} (their jurisdiction);
 * {@link Role#EXPERT} and {@link Role#SYSTEM_ADMIN} take none of them.
 *
 * @param username login name: letters, digits, '.', '_' or '-', 3–60 characters
 * @param displayName name shown in the UI
 * @param role the role
 * @param institutionId institution, for institutional roles
 * @param personId person record, for physicians
 * @param regionCode jurisdiction, for authorities
 * @param initialPassword initial password (password policy applies; must be changed at
 * first login)
 */
public record CreateUser(
		@NotBlank(message = "用户名不能为空") @Pattern(regexp = "[A-Za-z0-9._-]{3,60}",
				message = "用户名只能包含字母、数字、“.”、“_”、“-”，3 至 60 位") String username,
		@NotBlank(message = "姓名不能为空") @Size(max = 100, message = "姓名不能超过 100 个字") String displayName,
		@NotNull(message = "角色不能为空") Role role, @Nullable UUID institutionId, @Nullable UUID personId,
		@Nullable @Pattern(regexp = "\\d{6}", message = "行政区划代码必须是 6 位数字") String regionCode,
		@NotBlank(message = "初始密码不能为空") String initialPassword) {
}
