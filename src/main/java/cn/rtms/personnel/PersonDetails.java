package cn.rtms.personnel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.identity.Confirmation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A physician's or other staff member's record: licence, dated title history, clinical
 * start, specialties, training records, yearly case volumes per technology and adverse
 * events. Durations are always derived from these dates. A {@code null} collection means
 * "not recorded".
 *
 * @param id person id (ignored on create)
 * @param name name
 * @param gender 男 / 女
 * @param birthDate date of birth
 * @param roles roles: PHYSICIAN, PHYSICIST, NURSE, TECHNICIAN, TREATMENT_PLANNER, OTHER
 * @param institutionId the institution where the person is registered (执业注册)
 * @param institutionName that institution's name (output only)
 * @param licence 医师执业证书 (physicians)
 * @param titles title history
 * @param clinicalStart first day of clinical work
 * @param specialties specialties with start dates
 * @param trainings training records
 * @param caseVolumes independently performed cases per technology per year
 * @param adverseEvents adverse events
 * @param attestations person-level clause confirmations, output only: recorded through
 * {@link PersonnelManagement#confirm} (an edit of the record never changes them)
 * @param operatorVolumes operations performed as operator (术者) per category per year
 * @param version the record's version: on output the current one, on update the one the
 * edit is based on (required; a stale one is refused with 409 {@code STALE_EDIT})
 */
public record PersonDetails(@Nullable UUID id,
		@NotBlank(message = "姓名不能为空") @Size(max = 60, message = "姓名不能超过 60 个字") String name,
		@Nullable @Pattern(regexp = "男|女", message = "性别只能是“男”或“女”") String gender, @Nullable LocalDate birthDate,
		@NotEmpty(message = "至少选择一个人员类别") List<@NotNull StaffRole> roles, @Nullable UUID institutionId,
		@Nullable String institutionName, @Valid @Nullable PhysicianLicence licence,
		@Nullable List<@Valid TitleRecord> titles, @Nullable LocalDate clinicalStart,
		@Nullable List<@Valid Specialty> specialties, @Nullable List<@Valid TrainingRecord> trainings,
		@Nullable List<@Valid CaseVolume> caseVolumes, @Nullable List<@Valid AdverseEvent> adverseEvents,
		@Nullable List<Confirmation> attestations, @Nullable List<@Valid OperatorVolume> operatorVolumes,
		@Nullable Integer version) {

	/**
	 * Most cases one row may record (one technology or category in one year or month).
	 */
	public static final int MAX_CASES = 100_000;

	/** Most theory hours one training may record. */
	public static final int MAX_HOURS = 10_000;

	/**
	 * 医师执业证书.
	 *
	 * @param number 15-digit certificate number
	 * @param issuedOn date issued
	 * @param scopes 执业范围, e.g. 外科专业
	 * @param registeredInstitutionId the institution where the licence is registered
	 * (执业注册机构) when it is an institution of the platform; it may differ from
	 * {@code institutionId}, the institution whose staff list the person is on (多点执业)
	 * @param registeredInstitution the registered institution's name: on input, only for
	 * an institution outside the platform (ignored when {@code registeredInstitutionId}
	 * is given); on output, the name of {@code registeredInstitutionId} when given. Both
	 * {@code null}: the registration is not recorded
	 */
	public record PhysicianLicence(
			@NotBlank(message = "执业证书编码不能为空") @Pattern(regexp = "\\d{15}",
					message = "医师执业证书编码必须是 15 位数字") String number,
			@NotNull(message = "发证日期不能为空") LocalDate issuedOn,
			@Nullable List<@NotBlank(message = "执业范围不能为空") String> scopes, @Nullable UUID registeredInstitutionId,
			@Nullable @Size(max = 200, message = "执业注册机构名称不能超过 200 个字") String registeredInstitution) {
	}

	/**
	 * A title held from a date.
	 *
	 * @param title the title
	 * @param since date obtained
	 */
	public record TitleRecord(@NotNull(message = "职称不能为空") Title title,
			@NotNull(message = "取得日期不能为空") LocalDate since) {
	}

	/**
	 * A specialty practised from a date.
	 *
	 * @param name specialty, e.g. 肿瘤
	 * @param since start date
	 */
	public record Specialty(@NotBlank(message = "专业名称不能为空") @Size(max = 60, message = "专业名称不能超过 60 个字") String name,
			@Nullable LocalDate since) {
	}

	/**
	 * A training record for a technology.
	 *
	 * @param technology technology code
	 * @param base training base name
	 * @param baseFiled whether the base is filed with the provincial authority
	 * @param abroad trained abroad
	 * @param startedOn start
	 * @param endedOn end
	 * @param cases cases participated in
	 * @param independentCases cases performed independently under an instructor
	 * @param patientsManaged patients managed through the whole course
	 * @param theoryHours theory hours
	 * @param passed assessment passed
	 */
	public record TrainingRecord(
			@NotBlank(message = "技术代码不能为空") @Size(max = 10, message = "技术代码不能超过 10 个字符") String technology,
			@Nullable @Size(max = 100, message = "培训基地名称不能超过 100 个字") String base, @Nullable Boolean baseFiled,
			@Nullable Boolean abroad, @NotNull(message = "培训开始日期不能为空") LocalDate startedOn, @Nullable LocalDate endedOn,
			@PositiveOrZero(message = "例数不能为负数") @Max(value = MAX_CASES,
					message = "例数不能超过 " + MAX_CASES) @Nullable Integer cases,
			@PositiveOrZero(message = "例数不能为负数") @Max(value = MAX_CASES,
					message = "例数不能超过 " + MAX_CASES) @Nullable Integer independentCases,
			@PositiveOrZero(message = "例数不能为负数") @Max(value = MAX_CASES,
					message = "例数不能超过 " + MAX_CASES) @Nullable Integer patientsManaged,
			@PositiveOrZero(message = "学时不能为负数") @Max(value = MAX_HOURS,
					message = "学时不能超过 " + MAX_HOURS) @Nullable Integer theoryHours,
			@Nullable Boolean passed) {
	}

	/**
	 * Independently performed cases in one year, or in one month of it (monthly rows let
	 * rolling windows such as 印发之日前…近 5 年 be counted exactly).
	 *
	 * @param technology technology code
	 * @param year year
	 * @param cases number of cases
	 * @param month month 1–12 for a monthly row, null for the whole year
	 */
	public record CaseVolume(
			@NotBlank(message = "技术代码不能为空") @Size(max = 10, message = "技术代码不能超过 10 个字符") String technology,
			@NotNull(message = "年份不能为空") @Min(value = 1950, message = "年份不能早于 1950 年") @Max(value = 2100,
					message = "年份不合理") Integer year,
			@NotNull(message = "例数不能为空") @PositiveOrZero(message = "例数不能为负数") @Max(value = MAX_CASES,
					message = "例数不能超过 " + MAX_CASES) Integer cases,
			@Nullable @Min(value = 1, message = "月份应为 1–12") @Max(value = 12, message = "月份应为 1–12") Integer month) {
	}

	/**
	 * Operations of a category performed as operator (术者) in one year.
	 *
	 * @param category the category, e.g. SKIN_DEFECT_REPAIR 皮肤组织缺损修复重建手术
	 * @param year year
	 * @param cases number of operations
	 */
	public record OperatorVolume(@NotNull(message = "手术类别不能为空") OperationCategory category,
			@NotNull(message = "年份不能为空") @Min(value = 1950, message = "年份不能早于 1950 年") @Max(value = 2100,
					message = "年份不合理") Integer year,
			@NotNull(message = "例数不能为空") @PositiveOrZero(message = "例数不能为负数") @Max(value = MAX_CASES,
					message = "例数不能超过 " + MAX_CASES) Integer cases) {
	}

	/**
	 * An adverse event.
	 *
	 * @param technology technology code, or null when unrelated to a technology
	 * @param occurredOn date
	 * @param serious whether it was serious (严重不良事件)
	 * @param summary what happened
	 */
	public record AdverseEvent(@Nullable @Size(max = 10, message = "技术代码不能超过 10 个字符") String technology,
			@NotNull(message = "发生日期不能为空") LocalDate occurredOn, @NotNull(message = "是否严重不能为空") Boolean serious,
			@Nullable String summary) {
	}

}
