package cn.rtms.identity;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Command: a hospital administrator creates an account of its own institution
 * ({@link InstitutionAccounts#create}). No password: the account is activated through a
 * one-time link.
 *
 * @param username login name: letters, digits, '.', '_' or '-', 3–60 characters
 * @param displayName name shown in the UI
 * @param role {@link Role#HOSPITAL_CLERK}, {@link Role#TRAINING_BASE_ADMIN} or
 * {@link Role#PHYSICIAN}
 * @param personId the person record of the institution, for {@link Role#PHYSICIAN} only
 */
public record CreateInstitutionAccount(
		@NotBlank(message = "用户名不能为空") @Pattern(regexp = "[A-Za-z0-9._-]{3,60}",
				message = "用户名只能包含字母、数字、“.”、“_”、“-”，3 至 60 位") String username,
		@NotBlank(message = "姓名不能为空") @Size(max = 100, message = "姓名不能超过 100 个字") String displayName,
		@NotNull(message = "角色不能为空") Role role, @Nullable UUID personId) {
}
