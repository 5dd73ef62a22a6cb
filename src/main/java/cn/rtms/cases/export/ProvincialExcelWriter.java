package cn.rtms.cases.export;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.rtms.cases.export.ExportedCase.Performer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The provincial export as an Excel workbook with Chinese headers, written row batch by
 * row batch through fastexcel's streaming (SXSSF) writer. Same schema as the JSON file,
 * flattened: sheet 病例 one row per case, 并发症 / 器械 / 专项字段 one row per complication, device
 * or technology-specific field with the case's id, 导出信息 the envelope and 字段说明 every
 * column with its JSON path and code list.
 */
final class ProvincialExcelWriter implements CaseExportWriter {

	/** Cases buffered before a batch of rows is written. */
	static final int BATCH = 200;

	/**
	 * One column of a sheet.
	 *
	 * @param path the JSON path of the value in a case of the JSON export
	 * @param header Chinese header
	 * @param type type as documented
	 * @param codes code list, empty when none
	 */
	record Column(String path, String header, String type, Map<String, String> codes) {

		Column(String path, String header, String type) {
			this(path, header, type, Map.of());
		}

	}

	/** Columns of the 病例 sheet. */
	static final List<Column> CASE_COLUMNS = List.of(new Column("caseId", "病例ID", "UUID"),
			new Column("technology", "技术编码", "文本"), new Column("technologyName", "技术名称", "文本"),
			new Column("formKey", "病例表版本", "文本"), new Column("subTechnique", "亚类", "代码（规范）"),
			new Column("route", "入路", "代码（规范）"),
			new Column("procedureCodes[].code", "手术操作编码（ICD-9-CM-3 国家临床版）", "代码；以“;”分隔，主手术在前"),
			new Column("procedureCodes[].name", "手术操作名称", "文本；以“;”分隔"), new Column("admissionDate", "入院日期", "日期"),
			new Column("operationDate", "手术日期", "日期"), new Column("dischargeDate", "出院日期", "日期"),
			new Column("department", "科室", "文本"), new Column("operator.licenceNumber", "术者执业证书编码", "15 位数字"),
			new Column("operator.name", "术者姓名", "文本"), new Column("assistants[]", "助手（执业证书编码 姓名）", "文本；以“;”分隔"),
			new Column("patient.pseudonym", "患者假名", "文本"), new Column("patient.sex", "性别", "代码", CaseExportCodes.SEX),
			new Column("patient.birthYear", "出生年份", "整数"), new Column("patient.ageAtOperation", "手术时年龄（岁）", "整数"),
			new Column("informedConsent", "知情同意", "是/否"), new Column("complications", "并发症数", "整数（明细见“并发症”表）"),
			new Column("deathDate", "死亡日期", "日期"),
			new Column("dischargeStatus", "离院方式", "代码", CaseExportCodes.DISCHARGE_STATUS),
			new Column("devices", "器械数", "整数（明细见“器械”表）"),
			new Column("flags[].code", "标记", "代码；以“;”分隔", CaseExportCodes.FLAGS),
			new Column("flags[].message", "标记说明", "文本；以“;”分隔"), new Column("amendmentCount", "修正次数", "整数"),
			new Column("submittedAt", "提交时间", "时间（ISO 8601，UTC）"),
			new Column("source", "来源", "代码", CaseExportCodes.SOURCES));

	/** Columns of the 并发症 sheet. */
	static final List<Column> COMPLICATION_COLUMNS = List.of(new Column("caseId", "病例ID", "UUID"),
			new Column("complications[].name", "并发症", "文本"), new Column("complications[].onsetDate", "发生日期", "日期"),
			new Column("complications[].grade", "Clavien-Dindo 分级", "代码", CaseExportCodes.CLAVIEN_DINDO),
			new Column("complications[].type", "并发症类型", "代码（各技术病例表单的 complicationTypes）"),
			new Column("complications[].typeName", "并发症类型名称", "文本"),
			new Column("complications[].serious", "严重并发症", "是/否（导致护理级别提升或住院时间延长、需要进一步住院治疗或者临床处理、致残或者死亡）"));

	/** Columns of the 器械 sheet. */
	static final List<Column> DEVICE_COLUMNS = List.of(new Column("caseId", "病例ID", "UUID"),
			new Column("devices[].position", "序号", "整数"), new Column("devices[].scanned", "扫描条码", "文本（GS 分隔符显示为 {GS}）"),
			new Column("devices[].barcodeType", "条码类型", "代码", CaseExportCodes.BARCODE_TYPES),
			new Column("devices[].gtin", "产品标识（UDI-DI/GTIN）", "14 位数字"), new Column("devices[].lot", "批号", "文本"),
			new Column("devices[].serial", "序列号", "文本"), new Column("devices[].expiryDate", "失效日期", "日期"),
			new Column("devices[].productionDate", "生产日期", "日期"), new Column("devices[].registrationNo", "注册证编号", "文本"),
			new Column("devices[].name", "产品名称", "文本"), new Column("devices[].singleUse", "一次性使用", "是/否"),
			new Column("devices[].quantity", "数量", "整数"));

	/** Columns of the 专项字段 sheet. */
	static final List<Column> FIELD_COLUMNS = List.of(new Column("caseId", "病例ID", "UUID"),
			new Column("technology", "技术编码", "文本"), new Column("fields.<key>", "字段键", "文本（病例表定义中的 key）"),
			new Column("fields.<value>", "值", "按字段类型：数值、文本、日期、是/否、代码"));

	private final ExcelWriter excel;

	private final WriteSheet cases;

	private final WriteSheet complications;

	private final WriteSheet devices;

	private final WriteSheet fields;

	private final List<List<Object>> caseRows = new ArrayList<>();

	private final List<List<Object>> complicationRows = new ArrayList<>();

	private final List<List<Object>> deviceRows = new ArrayList<>();

	private final List<List<Object>> fieldRows = new ArrayList<>();

	private final ExportedInstitution institution;

	private final LocalDate from;

	private final LocalDate to;

	private final Instant generatedAt;

	private int count;

	ProvincialExcelWriter(OutputStream stream, ExportedInstitution institution, LocalDate from, LocalDate to,
			Instant generatedAt) {
		this.institution = institution;
		this.from = from;
		this.to = to;
		this.generatedAt = generatedAt;
		this.excel = FastExcel.write(stream).autoCloseStream(false).build();
		this.cases = FastExcel.writerSheet(0, "病例").head(head(CASE_COLUMNS)).build();
		this.complications = FastExcel.writerSheet(1, "并发症").head(head(COMPLICATION_COLUMNS)).build();
		this.devices = FastExcel.writerSheet(2, "器械").head(head(DEVICE_COLUMNS)).build();
		this.fields = FastExcel.writerSheet(3, "专项字段").head(head(FIELD_COLUMNS)).build();
	}

	@Override
	public void add(ExportedCase c) {
		String id = c.caseId().toString();
		this.caseRows.add(row(id, c.technology(), c.technologyName(), c.formKey(), c.subTechnique(), c.route(),
				joined(c.procedureCodes(), ExportedCase.ProcedureCode::code),
				joined(c.procedureCodes(), p -> p.name() == null ? "" : p.name()), c.admissionDate(), c.operationDate(),
				c.dischargeDate(), c.department(), c.operator() == null ? null : c.operator().licenceNumber(),
				c.operator() == null ? null : c.operator().name(),
				joined(c.assistants(), ProvincialExcelWriter::person), c.patient().pseudonym(), c.patient().sex(),
				c.patient().birthYear(), c.patient().ageAtOperation(), yesNo(c.informedConsent()),
				c.complications().size(), c.deathDate(), c.dischargeStatus(), c.devices().size(),
				joined(c.flags(), ExportedCase.Flag::code), joined(c.flags(), ExportedCase.Flag::message),
				c.amendmentCount(), c.submittedAt(), c.source()));
		for (ExportedCase.Complication complication : c.complications()) {
			this.complicationRows.add(row(id, complication.name(), complication.onsetDate(), complication.grade(),
					complication.type(), complication.typeName(), yesNo(complication.serious())));
		}
		for (ExportedCase.Device d : c.devices()) {
			this.deviceRows.add(row(id, d.position(), CaseExportWriter.printable(d.scanned()), d.barcodeType(),
					d.gtin(), d.lot(), d.serial(), d.expiryDate(), d.productionDate(), d.registrationNo(), d.name(),
					yesNo(d.singleUse()), d.quantity()));
		}
		for (Map.Entry<String, JsonNode> field : c.fields().properties()) {
			this.fieldRows.add(row(id, c.technology(), field.getKey(), value(field.getValue())));
		}
		this.count++;
		if (this.caseRows.size() >= BATCH) {
			flush();
		}
	}

	@Override
	public void finish() {
		flush();
		WriteSheet about = FastExcel.writerSheet(4, "导出信息").head(head(List.of("项目", "内容"))).build();
		this.excel
			.write(List.of(row("数据格式", ProvincialJsonWriter.SCHEMA), row("格式版本", ProvincialJsonWriter.SCHEMA_VERSION),
					row("医疗机构", this.institution.name()), row("医疗机构ID", this.institution.id().toString()),
					row("执业许可证登记号", this.institution.licenceNumber()), row("行政区划", this.institution.regionCode()),
					row("行政区划名称", this.institution.regionName()), row("手术日期自", this.from), row("手术日期至", this.to),
					row("病例数", this.count), row("生成时间", this.generatedAt.toString())), about);
		WriteSheet legend = FastExcel.writerSheet(5, "字段说明")
			.head(head(List.of("工作表", "表头", "JSON 路径", "类型", "代码表")))
			.build();
		List<List<Object>> rows = new ArrayList<>();
		legend(rows, "病例", CASE_COLUMNS);
		legend(rows, "并发症", COMPLICATION_COLUMNS);
		legend(rows, "器械", DEVICE_COLUMNS);
		legend(rows, "专项字段", FIELD_COLUMNS);
		this.excel.write(rows, legend);
		this.excel.finish();
	}

	private void flush() {
		this.excel.write(List.copyOf(this.caseRows), this.cases);
		this.excel.write(List.copyOf(this.complicationRows), this.complications);
		this.excel.write(List.copyOf(this.deviceRows), this.devices);
		this.excel.write(List.copyOf(this.fieldRows), this.fields);
		this.caseRows.clear();
		this.complicationRows.clear();
		this.deviceRows.clear();
		this.fieldRows.clear();
	}

	private static void legend(List<List<Object>> rows, String sheet, List<Column> columns) {
		for (Column column : columns) {
			rows.add(row(sheet, column.header(), column.path(), column.type(),
					column.codes()
						.entrySet()
						.stream()
						.map(e -> e.getKey() + " " + e.getValue())
						.collect(Collectors.joining("；"))));
		}
	}

	private static List<List<String>> head(List<?> columns) {
		return columns.stream().map(c -> List.of(c instanceof Column column ? column.header() : c.toString())).toList();
	}

	private static List<Object> row(@Nullable Object... values) {
		List<Object> row = new ArrayList<>(values.length);
		for (Object value : values) {
			row.add(cell(value));
		}
		return row;
	}

	private static Object cell(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number || value instanceof String) {
			return value;
		}
		return value.toString();
	}

	private static @Nullable String yesNo(@Nullable Boolean value) {
		return value == null ? null : value ? "是" : "否";
	}

	private static Object value(JsonNode value) {
		if (value.isNumber()) {
			return value.numberValue();
		}
		if (value.isBoolean()) {
			return value.asBoolean() ? "是" : "否";
		}
		if (value.isNull()) {
			return "";
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	private static String person(Performer person) {
		return (person.licenceNumber() == null ? "" : person.licenceNumber() + " ") + person.name();
	}

	private static <T> String joined(List<T> items, Function<T, String> text) {
		return items.stream().map(text).collect(Collectors.joining(";"));
	}

}
