package cn.rtms.whatif;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A what-if scenario (docs/what-if.md). Which fields are needed depends on the kind:
 * PERSON_LEAVES needs {@code personId} (optional {@code leaveDate}, default today);
 * EQUIPMENT_OUT_OF_SERVICE needs {@code institutionId} and {@code equipmentCode}
 * (optional {@code units}, default 1); EDITION_TAKES_EFFECT needs {@code specKey}, or
 * {@code technology} and {@code edition} (optional {@code institutionIds}, default: the
 * institutions in the caller's scope with a filing, a granted authorization or registry
 * cases of the technology).
 *
 * @param kind the scenario
 * @param personId the person who leaves
 * @param leaveDate from when (the evaluation date), default today
 * @param institutionId the institution whose equipment goes out of service
 * @param equipmentCode equipment code as the institution's record names it, e.g. DSA
 * @param units how many units go out of service (1–999), default 1
 * @param technology technology code, e.g. G08
 * @param edition edition label, e.g. 2023
 * @param specKey edition key, e.g. G08-2023 (instead of technology and edition)
 * @param institutionIds the institutions to evaluate under the new edition
 * @param asOf evaluation date for equipment and edition scenarios, default today
 */
public record ScenarioRequest(@NotNull(message = "请选择模拟情形") ScenarioKind kind, @Nullable UUID personId,
		@Nullable LocalDate leaveDate, @Nullable UUID institutionId,
		@Nullable @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}",
				message = "设备代码只能包含大写字母、数字和下划线（不超过 40 个字符）") String equipmentCode,
		@Nullable @Min(value = 1, message = "停用台数至少为 1") @Max(value = 999, message = "停用台数不能超过 999") Integer units,
		@Nullable @Pattern(regexp = "[A-Z][0-9]{2}", message = "技术代码格式有误（如 G08）") String technology,
		@Nullable @Pattern(regexp = "[0-9]{4}[A-Za-z0-9-]{0,12}", message = "版本格式有误（如 2023）") String edition,
		@Nullable @Pattern(regexp = "[A-Z][0-9]{2}-[0-9]{4}[A-Za-z0-9-]{0,12}",
				message = "规范版本格式有误（如 G08-2023）") String specKey,
		@Nullable @Size(max = 100, message = "一次最多评估 100 家医疗机构") List<UUID> institutionIds, @Nullable LocalDate asOf) {
}
