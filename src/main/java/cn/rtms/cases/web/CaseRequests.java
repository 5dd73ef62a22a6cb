package cn.rtms.cases.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseQuery;
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
	 * Body of POST /api/cases/search: the query parameters of GET /api/cases.
	 *
	 * @param institutionId restrict to an institution
	 * @param technology restrict to a technology
	 * @param status DRAFT or SUBMITTED
	 * @param flag flag code
	 * @param from operation date on or after
	 * @param to operation date on or before
	 * @param page zero-based page (default 0)
	 * @param size page size (default 50, at most 500)
	 * @param q 病案号 or 住院号 (beginning), or the patient's ID number
	 */
	record SearchRequest(@Nullable UUID institutionId, @Nullable String technology, @Nullable String status,
			@Nullable String flag, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable Integer page,
			@Nullable Integer size, @Nullable String q) {

		CaseQuery query() {
			return new CaseQuery(this.institutionId, this.technology, this.status, this.flag, this.from, this.to,
					(this.page == null) ? 0 : this.page, (this.size == null) ? 50 : this.size, this.q);
		}

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
	 * @param operationDate the case's operation date, when the form has one: expiry is
	 * judged on it (else on today)
	 */
	record ScanRequest(@NotNull(message = "scanned 不能为空") @Size(max = 200, message = "条码不能超过 200 个字符") String scanned,
			@Nullable LocalDate operationDate) {
	}

}
