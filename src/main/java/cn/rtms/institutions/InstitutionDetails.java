package cn.rtms.institutions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.identity.Confirmation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An institution's full record as viewed and edited: identity, practice licence,
 * registered subjects, departments with beds, facilities, equipment, operating rooms,
 * other licences, first cases and yearly volumes per technology, and the clause
 * confirmations (hospital declarations and authority reviews) recorded as acts. A
 * {@code null} collection means "not recorded"; an empty one means "recorded: none".
 *
 * @param id the institution's id (ignored on create)
 * @param name unique name
 * @param regionCode GB/T 2260 code of the county/city where it is located
 * @param regionName the region's Chinese name (output only)
 * @param level hospital level and grade, e.g. 三级甲等
 * @param type general or specialty hospital
 * @param specialty a specialty hospital's specialty code (see {@link #SPECIALTIES}); null
 * when not recorded, always null for a general hospital
 * @param licence the 医疗机构执业许可证
 * @param registeredSubjects 诊疗科目 approved on the licence
 * @param departments clinical departments with their beds
 * @param facilities PACU, ICU, treatment rooms…
 * @param equipment imaging and treatment equipment
 * @param operatingRooms operating rooms with their clean grade
 * @param licences other licences (放射诊疗许可证, 辐射安全许可证…)
 * @param firstCases date of the first case per technology code
 * @param subTechniques sub-techniques (forms) performed per technology code, e.g.
 * {@code S04: [DEEP, WHOLE_BODY]} for 深部热疗 and 全身热疗
 * @param caseVolumes cases per technology (optionally sub-technique) per year
 * @param attestations clause confirmations, output only: they are recorded through
 * {@link InstitutionManagement#confirm} (an edit of the record never changes them)
 * @param version the record's version: on output the current one, on update the one the
 * edit is based on (required; a stale one is refused with 409 {@code STALE_EDIT})
 */
public record InstitutionDetails(@Nullable UUID id,
		@NotBlank(message = "机构名称不能为空") @Size(max = 100, message = "机构名称不能超过 100 个字") String name,
		@NotBlank(message = "所在行政区划不能为空") @Pattern(regexp = "\\d{6}", message = "行政区划代码必须是 6 位数字") String regionCode,
		@Nullable String regionName, @NotNull(message = "医院等级不能为空") InstitutionLevel level,
		@NotNull(message = "机构类别不能为空") InstitutionType type,
		@Nullable @Size(max = 32, message = "专科代码不能超过 32 个字符") String specialty,
		@Valid @Nullable PracticeLicence licence,
		@Nullable List<@NotBlank(message = "诊疗科目不能为空") String> registeredSubjects,
		@Nullable List<@Valid Department> departments, @Nullable List<@Valid Facility> facilities,
		@Nullable List<@Valid Equipment> equipment, @Nullable List<@Valid OperatingRoom> operatingRooms,
		@Nullable List<@Valid OtherLicence> licences, @Nullable Map<String, LocalDate> firstCases,
		@Nullable Map<String, List<@Pattern(regexp = "[A-Z][A-Z0-9_]*",
				message = "亚类代码只能包含大写字母、数字和下划线") String>> subTechniques,
		@Nullable List<@Valid CaseVolume> caseVolumes, @Nullable List<Confirmation> attestations,
		@Nullable Integer version) {

	/**
	 * Most beds one department or facility may record (China's largest hospitals have
	 * about 10,000 in all); beyond it the figure is a typing error.
	 */
	public static final int MAX_BEDS = 20_000;

	/**
	 * Most cases or operations one row may record (one technology in one year or month,
	 * or a department's operations in a year).
	 */
	public static final int MAX_CASES = 1_000_000;

	/** Most units one facility or equipment row may count. */
	public static final int MAX_COUNT = 10_000;

	/**
	 * The specialty codes a 专科 hospital may record, with their Chinese names.
	 */
	public static final Map<String, String> SPECIALTIES = Map.ofEntries(Map.entry("ONCOLOGY", "肿瘤"),
			Map.entry("STOMATOLOGY", "口腔"), Map.entry("ENT", "耳鼻咽喉"), Map.entry("NEUROSURGERY", "神经外科"),
			Map.entry("OPHTHALMOLOGY", "眼科"), Map.entry("ORTHOPAEDICS", "骨科"), Map.entry("CARDIOVASCULAR", "心血管病"),
			Map.entry("OBSTETRICS_GYNAECOLOGY", "妇产（妇幼）"), Map.entry("PAEDIATRICS", "儿童"), Map.entry("CHEST", "胸科"),
			Map.entry("BURNS_PLASTIC", "烧伤整形"), Map.entry("OTHER", "其他"));

	/**
	 * 医疗机构执业许可证.
	 *
	 * @param number licence number
	 * @param issuedBy name of the issuing health authority
	 * @param issuerRegionCode region code of the issuing authority (its filings go there)
	 * @param validFrom start of validity
	 * @param validUntil end of validity
	 */
	public record PracticeLicence(
			@NotBlank(message = "许可证登记号不能为空") @Size(max = 60, message = "许可证登记号不能超过 60 个字符") String number,
			@NotBlank(message = "发证机关不能为空") @Size(max = 100, message = "发证机关不能超过 100 个字") String issuedBy,
			@NotBlank(message = "发证机关行政区划不能为空") @Pattern(regexp = "\\d{6}",
					message = "发证机关行政区划代码必须是 6 位数字") String issuerRegionCode,
			@Nullable LocalDate validFrom, @Nullable LocalDate validUntil) {
	}

	/**
	 * A clinical department.
	 *
	 * @param name department name
	 * @param subjects registered subjects it practises
	 * @param beds beds it holds
	 * @param since when it started its clinical work (null: not recorded)
	 * @param technologies restricted technologies it carries out, by code (null: not
	 * recorded)
	 * @param annualOperations operations in the last complete year, 年手术量 (null: not
	 * recorded)
	 */
	public record Department(@NotBlank(message = "科室名称不能为空") @Size(max = 100, message = "科室名称不能超过 100 个字") String name,
			@Nullable List<String> subjects,
			@NotNull(message = "床位数不能为空") @PositiveOrZero(message = "床位数不能为负数") @Max(value = MAX_BEDS,
					message = "床位数不能超过 " + MAX_BEDS) Integer beds,
			@Nullable LocalDate since, @Nullable List<String> technologies,
			@PositiveOrZero(message = "年手术量不能为负数") @Max(value = MAX_CASES,
					message = "年手术量不能超过 " + MAX_CASES) @Nullable Integer annualOperations) {
	}

	/**
	 * A facility such as PACU or ICU.
	 *
	 * @param kind facility code, e.g. {@code PACU}
	 * @param count how many
	 * @param beds beds, where relevant
	 */
	public record Facility(
			@NotBlank(message = "设施类型不能为空") @Pattern(regexp = "[A-Z][A-Z0-9_]*",
					message = "设施类型代码只能包含大写字母、数字和下划线") String kind,
			@PositiveOrZero(message = "数量不能为负数") @Max(value = MAX_COUNT,
					message = "数量不能超过 " + MAX_COUNT) @Nullable Integer count,
			@PositiveOrZero(message = "床位数不能为负数") @Max(value = MAX_BEDS,
					message = "床位数不能超过 " + MAX_BEDS) @Nullable Integer beds) {
	}

	/**
	 * Equipment.
	 *
	 * @param kind equipment code, e.g. {@code CT}
	 * @param count units
	 * @param model make/model, free text
	 */
	public record Equipment(
			@NotBlank(message = "设备类型不能为空") @Pattern(regexp = "[A-Z][A-Z0-9_]*",
					message = "设备类型代码只能包含大写字母、数字和下划线") String kind,
			@PositiveOrZero(message = "数量不能为负数") @Max(value = MAX_COUNT,
					message = "数量不能超过 " + MAX_COUNT) @Nullable Integer count,
			@Nullable @Size(max = 100, message = "型号不能超过 100 个字符") String model) {
	}

	/**
	 * An operating room.
	 *
	 * @param name room name
	 * @param cleanGrade clean grade I (best) … IV
	 */
	public record OperatingRoom(
			@NotBlank(message = "手术间名称不能为空") @Size(max = 60, message = "手术间名称不能超过 60 个字") String name,
			@NotBlank(message = "洁净级别不能为空") @Pattern(regexp = "I|II|III|IV",
					message = "洁净级别必须是 I、II、III 或 IV") String cleanGrade) {
	}

	/**
	 * Another licence such as 放射诊疗许可证.
	 *
	 * @param kind licence code, e.g. {@code RADIOLOGY}
	 * @param number licence number
	 * @param validFrom start of validity
	 * @param validUntil end of validity
	 */
	public record OtherLicence(
			@NotBlank(message = "许可证类型不能为空") @Pattern(regexp = "[A-Z][A-Z0-9_]*",
					message = "许可证类型代码只能包含大写字母、数字和下划线") String kind,
			@Nullable @Size(max = 60, message = "许可证编号不能超过 60 个字符") String number, @Nullable LocalDate validFrom,
			@Nullable LocalDate validUntil) {
	}

	/**
	 * Cases performed in one year, or in one month of it. Monthly rows let rolling
	 * windows (申报前一年内) be counted exactly; a year's row takes precedence over its monthly
	 * rows for calendar-year windows.
	 *
	 * @param technology technology code
	 * @param subTechnique sub-technique code, or null for the technology as a whole
	 * @param year calendar year
	 * @param cases number of cases
	 * @param month month 1–12 for a monthly row, null for the whole year
	 */
	public record CaseVolume(
			@NotBlank(message = "技术代码不能为空") @Size(max = 10, message = "技术代码不能超过 10 个字符") String technology,
			@Nullable @Size(max = 40, message = "亚类代码不能超过 40 个字符") String subTechnique,
			@NotNull(message = "年份不能为空") @Min(value = 1950, message = "年份不能早于 1950 年") @Max(value = 2100,
					message = "年份不合理") Integer year,
			@NotNull(message = "例数不能为空") @PositiveOrZero(message = "例数不能为负数") @Max(value = MAX_CASES,
					message = "例数不能超过 " + MAX_CASES) Integer cases,
			@Nullable @Min(value = 1, message = "月份应为 1–12") @Max(value = 12, message = "月份应为 1–12") Integer month) {
	}

}
