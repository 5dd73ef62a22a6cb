package cn.rtms.filing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the filing API (see docs/filing.md). {@code version} is the version
 * the user saw. Free texts (opinions, reasons, notes) are at most 2,000 characters, like
 * every text without a {@code @Size} of its own (docs/api.md, "Input bounds").
 */
final class FilingRequests {

	private FilingRequests() {
	}

	record CreateFilingRequest(@Nullable @Size(max = 10, message = "技术代码不能超过 10 个字符") String technology,
			@Nullable LocalDate firstCaseDate) {
	}

	/**
	 * A prior filing (存量备案) as sent: JSON body, or the JSON part {@code prior} of a
	 * multipart request with the file part {@code approvalDocument}.
	 */
	record PriorFilingRequest(@Nullable UUID institutionId,
			@Nullable @Size(max = 10, message = "技术代码不能超过 10 个字符") String technology, @Nullable LocalDate approvedOn,
			@Nullable @Size(max = 100, message = "批准文号/备案号不能超过 100 个字符") String documentNo,
			@Nullable LocalDate firstCaseDate, @Nullable @Size(max = 1000, message = "备注不能超过 1000 个字符") String note) {
	}

	record VersionRequest(@Nullable Long version) {
	}

	record SubmitRequest(@Nullable Long version, @Nullable LocalDate firstCaseDate) {
	}

	record OpinionRequest(@Nullable Long version, @Nullable String opinion) {
	}

	record ExpertReviewRequest(@Nullable Long version, @Nullable List<UUID> expertIds, @Nullable String opinion) {
	}

	record ExpertReplacementRequest(@Nullable Long version, @Nullable UUID replacedId, @Nullable UUID expertId,
			@Nullable @Size(max = 500, message = "更换原因不能超过 500 个字") String reason) {
	}

	record DrawRequest(@Nullable Integer count) {
	}

	record ExpertOpinionRequest(@Nullable Long version, @Nullable String verdict, @Nullable String text) {
	}

	record DecisionRequest(@Nullable Long version, @Nullable String decision, @Nullable String reasons) {
	}

	record ActivateRequest(@Nullable Long version, @Nullable String licenceNote) {
	}

	record EndingRequest(@Nullable Long version, @Nullable String reason, @Nullable String text) {
	}

	record TextRequest(@Nullable Long version, @Nullable String text) {
	}

}
