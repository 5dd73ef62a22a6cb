package cn.rtms.cases.imports;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One column of a technology's import template: the case-input key it fills, its Chinese
 * header (label and unit) and what a cell may hold. Built from the case-form definition
 * ({@code CaseForms#commonFields} + {@code form.fields()}), so the template, the import
 * and the export share one list.
 *
 * @param key case-input key ({@code operationDate}) or form field key
 * ({@code fields.ptaPercent} is addressed as {@code ptaPercent} with {@code formField})
 * @param label Chinese label
 * @param kind what a cell holds
 * @param required whether a value is required
 * @param unit unit shown in the header, or null
 * @param min smallest number, or null
 * @param max largest number, or null
 * @param maxLength longest text, or null
 * @param options codes and names of a choice column
 * @param help Chinese hint shown in the 说明 sheet, or null
 * @param formField whether the value goes into the technology-specific fields
 */
record ImportColumn(String key, String label, Kind kind, boolean required, @Nullable String unit,
		@Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Integer maxLength, List<Option> options,
		@Nullable String help, boolean formField) {

	ImportColumn {
		options = List.copyOf(options);
	}

	/**
	 * @return the header written in the template: the label and, when there is one, the
	 * unit in full-width parentheses
	 */
	String header() {
		return (this.unit == null || this.unit.isBlank()) ? this.label : this.label + "（" + this.unit + "）";
	}

	/**
	 * @return the option codes and names as shown in dropdowns and in the 说明 sheet
	 * ({@code A 甲级})
	 */
	List<String> optionLabels() {
		return this.options.stream().map(Option::display).toList();
	}

	/** What a cell of a column holds. */
	enum Kind {

		/** Free text. */
		TEXT("文本"),
		/** A whole number. */
		INTEGER("整数"),
		/** A number. */
		DECIMAL("数值"),
		/** A date (an Excel date, or text yyyy-MM-dd, yyyy/M/d, yyyy年M月d日). */
		DATE("日期"),
		/** 是 or 否. */
		BOOLEAN("是/否"),
		/** One code of a list (code or name accepted). */
		CHOICE("代码"),
		/** A person of the institution, by name or 医师执业证书编码. */
		PERSON("人员"),
		/** People of the institution separated by ；or ; . */
		PERSON_LIST("人员（多个）"),
		/** Texts separated by ；or ; (procedure codes, device barcodes). */
		TEXT_LIST("文本（多个）"),
		/**
		 * Complications: 名称|分级|发生日期|类型|严重 separated by ；(type and seriousness optional;
		 * the options are the form's complication types).
		 */
		COMPLICATIONS("并发症");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/**
		 * @return Chinese name of the kind
		 */
		String label() {
			return this.label;
		}

	}

	/**
	 * A code of a choice column.
	 *
	 * @param code stored code
	 * @param name Chinese name
	 */
	record Option(String code, String name) {

		String display() {
			return this.code.equals(this.name) ? this.code : this.code + " " + this.name;
		}

	}

}
