package cn.rtms.authorization.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of grant / reject / revoke.
 *
 * @param version the version read
 * @param reason why (required for reject and revoke)
 */
record DecisionRequest(@NotNull(message = "version 不能为空") Integer version,
		@Nullable @Size(max = 500, message = "原因不能超过 500 个字") String reason) {
}
