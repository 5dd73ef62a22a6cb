package cn.rtms.cases.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseView;
import cn.rtms.cases.Complication;
import cn.rtms.cases.DeviceInput;
import cn.rtms.cases.PatientInput;
import cn.rtms.cases.imports.RowMapper.ComplicationCell;
import org.jspecify.annotations.Nullable;

/**
 * Between sheet rows and cases: typed row values (by column key) to a {@link CaseInput},
 * the field names of case problems back to column keys, and a {@link CaseView} to row
 * values for the export.
 */
final class CaseRows {

	private static final Pattern INDEX = Pattern.compile("\\[\\d+\\].*$");

	private CaseRows() {
	}

	/**
	 * @param technology technology code
	 * @param layout the layout (which keys are form fields)
	 * @param values typed values by column key
	 * @return the case input (institution left to the session)
	 */
	@SuppressWarnings("unchecked")
	static CaseInput input(String technology, ImportLayout layout, Map<String, Object> values) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (ImportColumn column : layout.columns()) {
			Object value = values.get(column.key());
			if (column.formField() && value != null) {
				fields.put(column.key(), value instanceof LocalDate date ? date.toString() : value);
			}
		}
		List<Complication> complications = new ArrayList<>();
		for (ComplicationCell c : (List<ComplicationCell>) values.getOrDefault("complications", List.of())) {
			complications.add(new Complication(c.name(), c.onsetDate(), c.grade(), c.type(), c.serious()));
		}
		List<DeviceInput> devices = new ArrayList<>();
		for (String scanned : (List<String>) values.getOrDefault("devices", List.of())) {
			devices.add(new DeviceInput(scanned, null, null, null, null));
		}
		PatientInput patient = new PatientInput(text(values, "patientName"), text(values, "patientIdNumber"),
				text(values, "patientPhone"), text(values, "patientSex"), (LocalDate) values.get("patientBirthDate"));
		return new CaseInput(null, technology, text(values, "subTechnique"), text(values, "route"),
				(List<String>) values.getOrDefault("procedureCodes", List.of()),
				orEmpty(text(values, "medicalRecordNo")), text(values, "inpatientNo"), patient,
				(LocalDate) values.get("admissionDate"), (LocalDate) values.get("operationDate"),
				(LocalDate) values.get("dischargeDate"), text(values, "department"), (UUID) values.get("operator"),
				(List<UUID>) values.getOrDefault("assistants", List.of()), (Boolean) values.get("informedConsent"),
				complications, (LocalDate) values.get("deathDate"), text(values, "dischargeStatus"), fields, devices);
	}

	/**
	 * @param field the field a case problem names ({@code operationDate},
	 * {@code fields.ptaPercent}, {@code patient.name}, {@code devices[2].scanned})
	 * @return the column key it belongs to
	 */
	static String columnKey(String field) {
		String key = field.startsWith("fields.") ? field.substring("fields.".length()) : field;
		key = INDEX.matcher(key).replaceFirst("");
		return switch (key) {
			case "patient.name" -> "patientName";
			case "patient.idNumber" -> "patientIdNumber";
			case "patient.phone" -> "patientPhone";
			case "patient.sex" -> "patientSex";
			case "patient.birthDate" -> "patientBirthDate";
			case "operatorId" -> "operator";
			case "assistantIds" -> "assistants";
			default -> {
				int dot = key.indexOf('.');
				yield dot > 0 ? key.substring(0, dot) : key;
			}
		};
	}

	/**
	 * @param view a case
	 * @param layout the layout
	 * @param names person names by id (operator, assistants)
	 * @return its values by column key, as the export writes them
	 */
	static Map<String, Object> values(CaseView view, ImportLayout layout, Function<UUID, @Nullable String> names) {
		Map<String, Object> values = new LinkedHashMap<>();
		put(values, "medicalRecordNo", view.medicalRecordNo());
		put(values, "inpatientNo", view.inpatientNo());
		if (view.patient() != null) {
			put(values, "patientName", view.patient().name());
			put(values, "patientSex", view.patient().sex());
			put(values, "patientBirthDate", view.patient().birthDate());
		}
		put(values, "subTechnique", view.subTechnique());
		put(values, "route", view.route());
		if (view.procedureCodes() != null && !view.procedureCodes().isEmpty()) {
			values.put("procedureCodes", String.join("；", view.procedureCodes()));
		}
		put(values, "admissionDate", view.admissionDate());
		put(values, "operationDate", view.operationDate());
		put(values, "dischargeDate", view.dischargeDate());
		put(values, "department", view.department());
		if (view.operatorId() != null) {
			put(values, "operator", names.apply(view.operatorId()));
		}
		if (view.assistantIds() != null && !view.assistantIds().isEmpty()) {
			List<String> assistants = new ArrayList<>();
			for (UUID id : view.assistantIds()) {
				String name = names.apply(id);
				if (name != null) {
					assistants.add(name);
				}
			}
			values.put("assistants", String.join("；", assistants));
		}
		put(values, "informedConsent", view.informedConsent());
		if (view.complications() != null && !view.complications().isEmpty()) {
			List<String> parts = new ArrayList<>();
			for (Complication c : view.complications()) {
				String part = c.name() + "|" + (c.grade() == null ? "" : c.grade()) + "|"
						+ (c.onsetDate() == null ? "" : c.onsetDate().toString());
				if (c.type() != null || c.serious() != null) {
					part += "|" + (c.type() == null ? "" : c.type()) + "|"
							+ (c.serious() == null ? "" : (c.serious() ? "是" : "否"));
				}
				parts.add(part);
			}
			values.put("complications", String.join("；", parts));
		}
		put(values, "deathDate", view.deathDate());
		put(values, "dischargeStatus", view.dischargeStatus());
		if (view.devices() != null && !view.devices().isEmpty()) {
			values.put("devices", String.join("；", view.devices().stream().map(d -> d.scanned()).toList()));
		}
		if (view.fields() != null) {
			for (ImportColumn column : layout.columns()) {
				Object value = view.fields().get(column.key());
				if (column.formField() && value != null) {
					values.put(column.key(), formValue(column, value));
				}
			}
		}
		return values;
	}

	private static Object formValue(ImportColumn column, Object value) {
		if (column.kind() == ImportColumn.Kind.DATE && value instanceof String text) {
			try {
				return LocalDate.parse(text);
			}
			catch (RuntimeException ex) {
				return text;
			}
		}
		if ((column.kind() == ImportColumn.Kind.DECIMAL || column.kind() == ImportColumn.Kind.INTEGER)
				&& value instanceof String text) {
			try {
				return new BigDecimal(text);
			}
			catch (NumberFormatException ex) {
				return text;
			}
		}
		return value;
	}

	private static void put(Map<String, Object> values, String key, @Nullable Object value) {
		if (value != null) {
			values.put(key, value);
		}
	}

	private static @Nullable String text(Map<String, Object> values, String key) {
		Object value = values.get(key);
		return value == null ? null : value.toString();
	}

	private static String orEmpty(@Nullable String text) {
		return text == null ? "" : text;
	}

}
