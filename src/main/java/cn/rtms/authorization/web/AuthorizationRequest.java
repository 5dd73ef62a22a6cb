package cn.rtms.authorization.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.authorization.domain.AuthorizationTerms;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of POST /api/authorizations and PUT /api/authorizations/{id}.
 *
 * @param personId the physician (ignored on PUT)
 * @param technology technology code
 * @param subTechniques sub-technique codes; empty or absent for the whole technology
 * @param validFrom first day
 * @param validUntil last day
 * @param note free text
 * @param version on PUT: the version read
 */
record AuthorizationRequest(@Nullable UUID personId,
		@NotBlank(message = "技术代码不能为空") @Size(max = 10, message = "技术代码不能超过 10 个字符") String technology,
		@Nullable List<@NotBlank(message = "子技术代码不能为空") String> subTechniques,
		@NotNull(message = "有效期起始日不能为空") LocalDate validFrom, @NotNull(message = "有效期截止日不能为空") LocalDate validUntil,
		@Nullable @Size(max = 500, message = "备注不能超过 500 个字") String note,
		@Nullable @PositiveOrZero(message = "version 不能为负数") Integer version) {

	@AssertTrue(message = "有效期截止日必须晚于起始日")
	boolean isPeriodValid() {
		return this.validFrom == null || this.validUntil == null || this.validUntil.isAfter(this.validFrom);
	}

	AuthorizationTerms terms() {
		return new AuthorizationTerms(this.technology.strip(),
				this.subTechniques == null ? List.of() : this.subTechniques.stream().map(String::strip).toList(),
				this.validFrom, this.validUntil, this.note);
	}

}
