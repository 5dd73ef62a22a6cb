package cn.rtms.bulkload;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionLevel;
import cn.rtms.institutions.InstitutionType;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.StaffRole;
import cn.rtms.personnel.Title;
import org.jspecify.annotations.Nullable;

/**
 * The two templates: their sheets and columns with type, bounds and code lists. The first
 * sheet of each holds one row per institution or person; the others hold its collections,
 * one row per item, keyed by the first column. Column names in staging tables and JSON
 * keys follow {@link InstitutionDetails} and {@link PersonDetails}.
 */
final class BulkLayouts {

	private BulkLayouts() {
	}

	/** How a cell is read and checked. */
	enum CellType {

		/** Free text up to {@code max} characters. */
		TEXT("文本"),
		/** A whole number between {@code min} and {@code max}. */
		INT("整数"),
		/**
		 * A date (a date-formatted cell, or text yyyy-MM-dd; not a number shown as a
		 * number).
		 */
		DATE("日期"),
		/** 是 / 否. */
		BOOL("是/否"),
		/** One value of a code list (its Chinese label or its code). */
		ENUM("代码表"),
		/** 统一社会信用代码 with its GB 32100 check character. */
		CREDIT_CODE("统一社会信用代码"),
		/** A known GB/T 2260 region code. */
		REGION("行政区划代码"),
		/** A 15-digit 医师执业证书编码. */
		LICENCE("15 位数字"),
		/** An upper-case code ([A-Z][A-Z0-9_]*). */
		CODE("大写代码"),
		/**
		 * Several values separated by 、 , or ；, each of the code list when there is one.
		 */
		LIST("多个值（用“、”分隔）");

		final String label;

		CellType(String label) {
			this.label = label;
		}

		String sql() {
			return switch (this) {
				case INT -> "int";
				case DATE -> "date";
				case BOOL -> "boolean";
				case LIST -> "jsonb";
				default -> "text";
			};
		}

	}

	/**
	 * A column.
	 *
	 * @param header the Chinese header
	 * @param field staging column and JSON key
	 * @param type how it is read
	 * @param required whether it must be filled
	 * @param min lower bound (INT)
	 * @param max upper bound (INT) or most characters (TEXT, CODE)
	 * @param values code list, label → code (ENUM, LIST); empty when free
	 * @param note what it means, for the 说明 sheet
	 */
	record Column(String header, String field, CellType type, boolean required, long min, long max,
			Map<String, String> values, String note) {

		String bounds() {
			return switch (this.type) {
				case INT -> this.min + " – " + this.max;
				case TEXT, CODE -> "不超过 " + this.max + " 个字符";
				case ENUM, LIST -> this.values.isEmpty() ? "" : String.join("、", this.values.keySet());
				case BOOL -> "是、否";
				case DATE -> "不晚于导入当天";
				default -> "";
			};
		}

	}

	/**
	 * A sheet.
	 *
	 * @param name sheet name
	 * @param table staging table
	 * @param collection the collection column it fills (null for the first sheet)
	 * @param columns its columns, the key first
	 * @param note what one row is
	 */
	record SheetLayout(String name, String table, @Nullable String collection, List<Column> columns, String note) {

		boolean main() {
			return this.collection == null;
		}

	}

	/**
	 * A template.
	 *
	 * @param kind what it holds
	 * @param sheets its sheets, the main one first
	 */
	record Layout(BulkKind kind, List<SheetLayout> sheets) {

		SheetLayout main() {
			return this.sheets.getFirst();
		}

		String fileName() {
			return this.kind == BulkKind.INSTITUTIONS ? "医疗机构批量导入模板.xlsx" : "人员批量导入模板.xlsx";
		}

	}

	/** Name of the explanation sheet. */
	static final String NOTES = "说明";

	static final Map<String, String> LEVELS = labels(InstitutionLevel.values(), InstitutionLevel::label);

	static final Map<String, String> TYPES = labels(InstitutionType.values(), InstitutionType::label);

	static final Map<String, String> SPECIALTIES = specialties();

	static final Map<String, String> ROLES = labels(StaffRole.values(), StaffRole::label);

	static final Map<String, String> TITLES = labels(Title.values(), Title::label);

	static final Map<String, String> GENDERS = ordered("男", "男", "女", "女");

	static final Map<String, String> CLEAN_GRADES = ordered("I", "I", "II", "II", "III", "III", "IV", "IV");

	private static Column col(String header, String field, CellType type, boolean required, long min, long max,
			Map<String, String> values, String note) {
		return new Column(header, field, type, required, min, max, values, note);
	}

	private static Column text(String header, String field, boolean required, int max, String note) {
		return col(header, field, CellType.TEXT, required, 0, max, Map.of(), note);
	}

	private static Column integer(String header, String field, boolean required, long min, long max, String note) {
		return col(header, field, CellType.INT, required, min, max, Map.of(), note);
	}

	private static Column date(String header, String field, boolean required, String note) {
		return col(header, field, CellType.DATE, required, 0, 0, Map.of(), note);
	}

	private static Column choice(String header, String field, boolean required, Map<String, String> values,
			String note) {
		return col(header, field, CellType.ENUM, required, 0, 0, values, note);
	}

	private static Column code(String header, String field, boolean required, int max, String note) {
		return col(header, field, CellType.CODE, required, 0, max, Map.of(), note);
	}

	private static final Column CREDIT = col("统一社会信用代码", "credit_code", CellType.CREDIT_CODE, true, 0, 18, Map.of(),
			"18 位，末位为 GB 32100 校验位；与“机构”工作表的同名列对应");

	private static final Column LICENCE = col("执业证书编码", "licence_number", CellType.LICENCE, true, 0, 15, Map.of(),
			"医师执业证书编码，15 位数字；与“人员”工作表的同名列对应");

	static final Layout INSTITUTIONS = new Layout(
			BulkKind.INSTITUTIONS, List.of(
					new SheetLayout("机构", "bulk_main", null, List.of(
							col("统一社会信用代码", "credit_code", CellType.CREDIT_CODE, true, 0, 18, Map.of(),
									"18 位，末位为 GB 32100 校验位；导入按此代码识别机构（已有则更新，没有则新建）"),
							text("机构名称", "name", true, 100, "全省唯一"),
							col("所在行政区划代码", "region_code", CellType.REGION, true, 0, 6, Map.of(),
									"GB/T 2260 六位代码，须在导入账号的管辖范围内"),
							choice("医院等级", "level", true, LEVELS, "填写中文名称"),
							choice("机构类别", "type", true, TYPES, "综合或专科"),
							choice("专科", "specialty", false, SPECIALTIES, "仅专科医院填写"),
							text("执业许可证登记号", "licence_number", true, 60, "医疗机构执业许可证登记号，全省唯一"),
							text("发证机关", "licence_issued_by", true, 100, "发证的卫生健康行政部门名称"),
							col("发证机关行政区划代码", "licence_issuer_region_code", CellType.REGION, true, 0, 6, Map.of(),
									"发证机关所在行政区划的六位代码"),
							date("许可证有效期起", "licence_valid_from", false, ""),
							date("许可证有效期至", "licence_valid_until", false, "不早于有效期起（可晚于今天）")), "每行一个医疗机构"),
					new SheetLayout("科室床位", "bulk_departments", "departments",
							List.of(CREDIT, text("科室名称", "name", true, 100, ""),
									integer("床位数", "beds", true, 0, InstitutionDetails.MAX_BEDS, ""),
									date("开展临床工作日期", "since", false, ""),
									integer("年手术量", "annualOperations", false, 0, InstitutionDetails.MAX_CASES,
											"上一完整年度")),
							"每行一个临床科室；某机构在本表有行时替换其全部科室，没有行时保持原值"),
					new SheetLayout("设施", "bulk_facilities", "facilities",
							List.of(CREDIT,
									code("设施类型代码", "kind", true, 40, "如 PACU、ICU、PACS、EMERGENCY_KIT、LAMINAR_AIRFLOW"),
									integer("数量", "count", false, 0, InstitutionDetails.MAX_COUNT, ""),
									integer("床位数", "beds", false, 0, InstitutionDetails.MAX_BEDS, "")),
							"每行一类设施；有行时替换该机构全部设施"),
					new SheetLayout("设备", "bulk_equipment", "equipment",
							List.of(CREDIT, code("设备类型代码", "kind", true, 40, "如 CT、MRI、DSA、LINAC"),
									integer("数量", "count", false, 0, InstitutionDetails.MAX_COUNT, ""),
									text("型号", "model", false, 100, "")),
							"每行一类设备；有行时替换该机构全部设备"),
					new SheetLayout(
							"手术间", "bulk_rooms", "operating_rooms",
							List.of(CREDIT, text("手术间名称", "name", true, 60, ""),
									choice("洁净级别", "cleanGrade", true, CLEAN_GRADES, "I 级最高")),
							"每行一个手术间；有行时替换该机构全部手术间"),
					new SheetLayout("其他许可证", "bulk_licences", "licences",
							List.of(CREDIT,
									code("许可证类型代码", "kind", true, 40, "如 RADIOLOGY（放射诊疗许可证）、RADIATION_SAFETY（辐射安全许可证）"),
									text("许可证编号", "number", false, 60, ""), date("有效期起", "validFrom", false, ""),
									date("有效期至", "validUntil", false, "可晚于今天")),
							"每行一个许可证；有行时替换该机构全部其他许可证")));

	static final Layout PEOPLE = new Layout(BulkKind.PEOPLE, List.of(
			new SheetLayout("人员", "bulk_main", null,
					List.of(col("执业证书编码", "licence_number", CellType.LICENCE, true, 0, 15, Map.of(),
							"医师执业证书编码，15 位数字；导入按此编码识别人员（已有则更新，没有则新建）"), text("姓名", "name", true, 60, ""),
							choice("性别", "gender", false, GENDERS, ""), date("出生日期", "birth_date", false, ""),
							col("人员类别", "roles", CellType.LIST, true, 0, 0, ROLES, "可填多个，用“、”分隔"),
							col("所在机构统一社会信用代码", "credit_code", CellType.CREDIT_CODE, true, 0, 18, Map.of(),
									"人员执业注册的机构，须已在平台登记且在导入账号的范围内"),
							date("发证日期", "licence_issued_on", true, "执业证书发证日期"),
							col("执业范围", "licence_scopes", CellType.LIST, false, 0, 0, Map.of(), "如 外科专业，多个用“、”分隔"),
							date("开始临床工作日期", "clinical_start", false, "")),
					"每行一名人员"),
			new SheetLayout("职称", "bulk_titles", "titles",
					List.of(LICENCE, choice("职称", "title", true, TITLES, ""), date("取得日期", "since", true, "")),
					"每行一次职称取得；某人在本表有行时替换其全部职称记录，没有行时保持原值"),
			new SheetLayout("专业", "bulk_specialties", "specialties",
					List.of(LICENCE, text("专业名称", "name", true, 60, "如 肿瘤"), date("开始日期", "since", false, "")),
					"每行一个专业；有行时替换此人全部专业"),
			new SheetLayout("培训", "bulk_trainings", "trainings",
					List.of(LICENCE, text("技术代码", "technology", true, 10, "限制类技术代码，如 G08"),
							text("培训基地", "base", false, 100, ""), date("开始日期", "startedOn", true, ""),
							date("结束日期", "endedOn", false, "不早于开始日期"),
							integer("参与例数", "cases", false, 0, PersonDetails.MAX_CASES, ""),
							col("考核合格", "passed", CellType.BOOL, false, 0, 0, Map.of(), "是或否")),
					"每行一次培训；有行时替换此人全部培训记录"),
			new SheetLayout("年度例数", "bulk_volumes", "case_volumes",
					List.of(LICENCE, text("技术代码", "technology", true, 10, "限制类技术代码，如 G08"),
							integer("年份", "year", true, 1950, 2100, ""),
							integer("例数", "cases", true, 0, PersonDetails.MAX_CASES, "独立完成例数"),
							integer("月份", "month", false, 1, 12, "空白表示全年")),
					"每行一年（或一月）的例数；有行时替换此人全部例数记录")));

	static Layout of(BulkKind kind) {
		return kind == BulkKind.INSTITUTIONS ? INSTITUTIONS : PEOPLE;
	}

	/**
	 * @param index 0-based column index
	 * @return the column letter, e.g. A, AB
	 */
	static String letter(int index) {
		StringBuilder letters = new StringBuilder();
		int n = index + 1;
		while (n > 0) {
			int rem = (n - 1) % 26;
			letters.insert(0, (char) ('A' + rem));
			n = (n - 1) / 26;
		}
		return letters.toString();
	}

	private static <E extends Enum<E>> Map<String, String> labels(E[] values, Function<E, String> label) {
		Map<String, String> map = new LinkedHashMap<>();
		Arrays.stream(values).forEach(v -> map.put(label.apply(v), v.name()));
		return map;
	}

	private static Map<String, String> specialties() {
		Map<String, String> map = new LinkedHashMap<>();
		InstitutionDetails.SPECIALTIES.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(e -> map.put(e.getValue(), e.getKey()));
		return map;
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
