package cn.rtms.institutions;

import cn.rtms.institutions.InstitutionDetails.PracticeLicence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A change of what decides who supervises an institution and how it is judged, made by
 * the licence-issuing side (an authority whose jurisdiction covers the institution, or
 * the system administrator) with a reason.
 *
 * @param regionCode the new region
 * @param level the new level and grade
 * @param type the new type (a general hospital keeps no specialty)
 * @param licence the practice licence after the change, null to clear it
 * @param reason why (required, at most {@value #MAX_REASON} characters), kept in the
 * audit trail with the old and new values
 * @param version the institution's version the change is based on
 */
public record JurisdictionChange(
		@NotBlank(message = "所在行政区划不能为空") @Pattern(regexp = "\\d{6}", message = "行政区划代码必须是 6 位数字") String regionCode,
		@NotNull(message = "医院等级不能为空") InstitutionLevel level, @NotNull(message = "机构类别不能为空") InstitutionType type,
		@Valid @Nullable PracticeLicence licence,
		@NotBlank(message = "变更原因不能为空") @Size(max = JurisdictionChange.MAX_REASON,
				message = "变更原因不能超过 500 个字") String reason,
		@NotNull(message = "版本号不能为空") Integer version) {

	/** Longest reason accepted. */
	public static final int MAX_REASON = 500;

}
