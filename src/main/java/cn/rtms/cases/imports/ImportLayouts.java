package cn.rtms.cases.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseForm;
import cn.rtms.cases.CaseForms;
import cn.rtms.cases.imports.ImportColumn.Kind;
import cn.rtms.cases.imports.ImportColumn.Option;

import org.springframework.stereotype.Component;

/**
 * The import layout of a technology on a day: the common case fields
 * ({@link CaseForms#commonFields}) followed by the fields of the case-form definition in
 * force ({@link CaseForm#fields()}), so the template, the import, the export and the UI
 * form come from one list. Multi-valued common fields (procedure codes, assistants,
 * complications, devices) become one column each.
 */
@Component
class ImportLayouts {

	private final CaseForms forms;

	ImportLayouts(CaseForms forms) {
		this.forms = forms;
	}

	/**
	 * @param technology technology code
	 * @param day the day whose case-form edition applies
	 * @return the layout
	 */
	ImportLayout forTechnology(String technology, LocalDate day) {
		CaseForm form = this.forms.forTechnology(technology.toUpperCase(Locale.ROOT), day);
		List<ImportColumn> columns = new ArrayList<>();
		for (CaseField field : this.forms.commonFields(form.technology(), day)) {
			ImportColumn column = column(field, false);
			if (column.kind() == Kind.COMPLICATIONS) {
				column = withOptions(column, form.complicationTypes());
			}
			columns.add(column);
		}
		for (CaseField field : form.fields()) {
			columns.add(column(field, true));
		}
		return new ImportLayout(form.technology(), form.key(), form.title(), columns);
	}

	static ImportColumn column(CaseField field, boolean formField) {
		Kind kind = kind(field);
		List<Option> options = field.options().stream().map(o -> new Option(o.code(), o.name())).toList();
		String help = field.help();
		if (kind == Kind.PERSON || kind == Kind.PERSON_LIST) {
			help = join(help, "填写本机构已登记人员的姓名或医师执业证书编码" + (kind == Kind.PERSON_LIST ? "，多人用 ；分隔" : ""));
		}
		else if (kind == Kind.COMPLICATIONS) {
			help = join(help,
					"每项写作 名称|分级|发生日期|类型|严重（分级 I、II、III、IV、V（Clavien-Dindo）；类型填并发症类型的代码或名称；"
							+ "严重填“是”或“否”：导致护理级别提升或住院时间延长、需要进一步住院治疗或者临床处理、致残或者死亡为严重并发症；"
							+ "类型与严重可省略，旧格式 名称|分级|发生日期 仍可导入），多项用 ；分隔");
		}
		else if (kind == Kind.TEXT_LIST) {
			help = join(help, "多个值用 ；分隔");
		}
		if (field.requiredWhen() != null) {
			help = join(help, "当 " + field.requiredWhen().field() + " 为 " + field.requiredWhen().equals() + " 时必填");
		}
		return new ImportColumn(field.key(), field.label(), kind, field.required(), field.unit(), field.min(),
				field.max(), field.maxLength(), options, help, formField);
	}

	/**
	 * The complications column with the form's complication types as its codes (the type
	 * part of each item is matched against them; no dropdown, the cell is free text).
	 */
	static ImportColumn withOptions(ImportColumn column, List<CaseField.Option> types) {
		List<Option> options = types.stream().map(o -> new Option(o.code(), o.name())).toList();
		String help = column.help();
		if (!options.isEmpty()) {
			help = join(help, "并发症类型：" + String.join("、", options.stream().map(Option::display).toList()));
		}
		return new ImportColumn(column.key(), column.label(), column.kind(), column.required(), column.unit(),
				column.min(), column.max(), column.maxLength(), options, help, column.formField());
	}

	private static Kind kind(CaseField field) {
		switch (field.key()) {
			case "procedureCodes", "devices":
				return Kind.TEXT_LIST;
			case "operator":
				return Kind.PERSON;
			case "assistants":
				return Kind.PERSON_LIST;
			case "complications":
				return Kind.COMPLICATIONS;
			default:
				break;
		}
		return switch (field.type().name()) {
			case "INTEGER" -> Kind.INTEGER;
			case "DECIMAL" -> Kind.DECIMAL;
			case "DATE" -> Kind.DATE;
			case "BOOLEAN" -> Kind.BOOLEAN;
			case "CHOICE" -> field.options().isEmpty() ? Kind.TEXT : Kind.CHOICE;
			case "PERSON" -> Kind.PERSON;
			default -> Kind.TEXT;
		};
	}

	private static String join(@org.jspecify.annotations.Nullable String help, String more) {
		return (help == null || help.isBlank()) ? more : help + "；" + more;
	}

}
