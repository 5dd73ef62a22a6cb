package cn.rtms.rules;

import java.time.LocalDate;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.spec.Subject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * A what-if evaluation: facts sent in the request, evaluated and never saved.
 *
 * @param technology technology code, e.g. G08
 * @param subject INSTITUTION, PHYSICIAN, STAFF, TRAINEE or TRAINING_BASE
 * @param staffRole for STAFF: the role (PHYSICIST, NURSE, TECHNICIAN, TREATMENT_PLANNER,
 * OTHER)
 * @param asOf evaluation date, today when omitted
 * @param regionCode region deciding which edition applies (default:
 * facts.institution.regionCode, and when neither is given the deployment's province,
 * {@code rtms.deployment.province}, 220000 unless configured)
 * @param specKey force an edition, e.g. G08-2022, instead of the one in force
 * @param facts the facts document (docs/facts-format.md)
 */
public record EvaluationRequest(@NotBlank(message = "技术代码不能为空") String technology,
		@NotNull(message = "评估对象类型不能为空") Subject subject, @Nullable StaffRole staffRole, @Nullable LocalDate asOf,
		@Nullable String regionCode, @Nullable String specKey, @NotNull(message = "facts 不能为空") Facts facts) {
}
