package cn.rtms.cases.web;

import java.util.Set;
import java.util.UUID;

import cn.rtms.cases.CaseInput;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the case endpoints. */
final class CaseRequests {

	private CaseRequests() {
	}

	/**
	 * Body of PUT /api/cases/{id}: the case and the version read.
	 *
	 * @param version the version read
	 * @param input the case
	 */
	record UpdateRequest(@NotNull(message = "version 不能为空") Integer version,
			@NotNull(message = "case 不能为空") @JsonProperty("case") CaseInput input) {
	}

	/**
	 * Body of POST /api/cases/{id}/submit.
	 *
	 * @param version the version read
	 * @param confirmedWarnings codes of the warnings the clerk confirmed
	 */
	record SubmitRequest(@NotNull(message = "version 不能为空") Integer version, @Nullable Set<String> confirmedWarnings) {
	}

	/**
	 * Body of POST /api/cases/{id}/amendments.
	 *
	 * @param version the version read
	 * @param reason why the submitted case is corrected
	 * @param input the corrected case
	 */
	record AmendmentRequest(@NotNull(message = "version 不能为空") Integer version,
			@Nullable @Size(max = 500, message = "修订原因不能超过 500 个字") String reason,
			@NotNull(message = "case 不能为空") @JsonProperty("case") CaseInput input) {
	}

	/**
	 * Body of POST /api/cases/check.
	 *
	 * @param institutionId the institution (hospital users: their own, may be omitted)
	 * @param confirmedWarnings confirmed warning codes
	 * @param input the case
	 */
	record CheckRequest(@Nullable UUID institutionId, @Nullable Set<String> confirmedWarnings,
			@NotNull(message = "case 不能为空") @JsonProperty("case") CaseInput input) {
	}

	/**
	 * Body of POST /api/devices/read.
	 *
	 * @param scanned what the scanner typed
	 */
	record ScanRequest(@NotNull(message = "scanned 不能为空") @Size(max = 200, message = "条码不能超过 200 个字符") String scanned) {
	}

}
