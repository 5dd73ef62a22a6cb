package cn.rtms.cases.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import cn.rtms.cases.imports.ImportColumn.Kind;
import cn.rtms.cases.imports.ImportColumn.Option;
import org.jspecify.annotations.Nullable;

/** Layouts and workbooks for the import unit tests, built without the case forms. */
final class ImportFixtures {

	private ImportFixtures() {
	}

	static ImportColumn column(String key, String label, Kind kind, boolean required) {
		return new ImportColumn(key, label, kind, required, null, null, null, null, List.of(), null, false);
	}

	static ImportColumn column(String key, String label, Kind kind, boolean required, @Nullable String unit,
			List<Option> options) {
		return new ImportColumn(key, label, kind, required, unit, null, null, null, options, null, false);
	}

	/**
	 * A small ablation-like layout: text, choice, dates, boolean, number with unit,
	 * person.
	 */
	static ImportLayout layout() {
		return new ImportLayout("G08", "G08-2023", "肿瘤消融治疗病例", List.of(
				column("medicalRecordNo", "病案号", Kind.TEXT, true),
				column("patientSex", "性别", Kind.CHOICE, true, null,
						List.of(new Option("M", "男"), new Option("F", "女"))),
				column("operationDate", "手术日期", Kind.DATE, true), column("informedConsent", "知情同意", Kind.BOOLEAN, true),
				new ImportColumn("ptaPercent", "凝血酶原活动度（PTA）", Kind.DECIMAL, true, "%", BigDecimal.ZERO,
						BigDecimal.valueOf(200), null, List.of(), "术前凝血功能；质控指标注1(1) PTA > 50%", true),
				column("lesionsPlanned", "计划消融病灶数", Kind.INTEGER, false), column("operator", "术者", Kind.PERSON, false),
				column("procedureCodes", "手术编码", Kind.TEXT_LIST, false)));
	}

	static byte[] template(ImportLayout layout, List<Map<String, Object>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Iterator<Map<String, Object>> iterator = rows.iterator();
		WorkbookWriter.write(layout, out, iterator);
		return out.toByteArray();
	}

}
