package cn.rtms.cases.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseField.FieldType;
import cn.rtms.cases.CaseForm;
import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseProblem;
import cn.rtms.cases.Complication;
import cn.rtms.cases.DeviceInput;
import cn.rtms.cases.PatientInput;
import cn.rtms.cases.codes.ProcedureCodeMatcher;
import cn.rtms.cases.codes.ProcedureCodeNormaliser;
import cn.rtms.devices.DeviceBarcodes;
import cn.rtms.devices.DeviceIdentification;
import cn.rtms.devices.InvalidBarcode;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a case report that need no database: required fields (common, per
 * technology, {@code requiredWhen}), lengths, ranges, CHOICE codes, date order (admission
 * ≤ operation ≤ discharge, death and complication onset not before the operation, nothing
 * after today), the GB 11643 check digit, operator and assistants among the institution's
 * people, device barcodes, and the plausibility warnings (LONG_STAY, the form's
 * {@code warnIf}). A draft is checked for wrong values only; a case to submit for
 * completeness too. Pure: the caller supplies the form, the spec's code lists, the staff
 * and today.
 */
public final class CaseRules {

	/** Length of stay above which a case needs confirming. */
	public static final int LONG_STAY_DAYS = 60;

	/** Warning code of a length of stay above {@link #LONG_STAY_DAYS}. */
	public static final String LONG_STAY = "LONG_STAY";

	private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,20}");

	private static final Pattern GS_TEXT = Pattern.compile("<GS>|\\{GS\\}", Pattern.CASE_INSENSITIVE);

	private static final Set<String> GRADES = Set.of("I", "II", "III", "IV", "V");

	private CaseRules() {
	}

	/**
	 * A person of the institution.
	 *
	 * @param id person id
	 * @param name name
	 * @param physician whether a physician (may be operator)
	 */
	public record Staff(UUID id, String name, boolean physician) {
	}

	/**
	 * What the checks need besides the case.
	 *
	 * @param form the case form of the technology edition
	 * @param subTechniques sub-technique codes of the spec (empty: none declared)
	 * @param routes route codes of the spec (empty: none declared)
	 * @param dischargeStatuses allowed 离院方式 codes
	 * @param staff the institution's people by id
	 * @param today today
	 * @param complete true to check a case for submission (required fields), false for a
	 * draft
	 */
	public record Context(CaseForm form, Set<String> subTechniques, Set<String> routes, Set<String> dischargeStatuses,
			Map<UUID, Staff> staff, LocalDate today, boolean complete) {
	}

	/**
	 * The outcome.
	 *
	 * @param errors what must be corrected
	 * @param warnings every plausibility warning (confirmed or not)
	 * @param fields the form values normalized (numbers as BigDecimal or Long, dates as
	 * ISO text, text stripped, empty values dropped)
	 * @param procedureCodes the codes as {@link ProcedureCodeNormaliser} spells them,
	 * each once
	 * @param devices the barcode reading of each device row (null where unreadable)
	 */
	public record Outcome(List<CaseProblem> errors, List<CaseProblem> warnings, Map<String, Object> fields,
			List<String> procedureCodes, List<@Nullable DeviceIdentification> devices) {
	}

	/**
	 * @param input the case
	 * @param context form, code lists, staff, today, draft or complete
	 * @return errors, warnings and normalized values
	 */
	public static Outcome check(CaseInput input, Context context) {
		return new Checker(input, context).run();
	}

	/**
	 * Reads a device barcode as sent over JSON. The API refuses control characters in
	 * text, so the GS separator (U+001D, FNC1) of a GS1 element string is sent as the
	 * text {@code <GS>} (or {@code {GS}}); it is turned back before reading.
	 * @param scanned what the scanner typed, GS written as {@code <GS>}
	 * @param today the platform clock's today
	 * @return the reading
	 * @throws InvalidBarcode when it is a broken GS1 string
	 */
	public static DeviceIdentification readBarcode(String scanned, LocalDate today) {
		return DeviceBarcodes.read(GS_TEXT.matcher(scanned).replaceAll("\u001D"), today);
	}

	/**
	 * The case form's spelling of a procedure code: the module's one normalisation
	 * ({@link ProcedureCodeNormaliser}, as the gate and the discharge scan read codes);
	 * text that is no code is returned with its blanks removed and a lower-case x.
	 * @param code a procedure code as typed
	 * @return the normalised code
	 */
	public static String normalizeProcedureCode(String code) {
		return ProcedureCodeNormaliser.code(code).orElseGet(() -> {
			StringBuilder out = new StringBuilder(code.length());
			code.codePoints()
				.filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
				.forEach(out::appendCodePoint);
			return out.toString().replace('X', 'x');
		});
	}

	/**
	 * The case form's list check (CODE_NOT_IN_SPEC): which of a case's codes are outside
	 * the spec's code list, by the module's one matching rule
	 * ({@link ProcedureCodeMatcher}: a subcategory form such as 17.41 or 17.4101 of a
	 * listed 17.4100 is in the list).
	 * @param codes the case's normalised codes
	 * @param listed the spec's code list
	 * @return the codes outside it, in order
	 */
	public static List<String> outsideList(List<String> codes, ProcedureCodeMatcher<?> listed) {
		return codes.stream().filter(c -> !listed.contains(c)).toList();
	}

	private static final class Checker {

		private final CaseInput input;

		private final Context context;

		private final List<CaseProblem> errors = new ArrayList<>();

		private final List<CaseProblem> warnings = new ArrayList<>();

		Checker(CaseInput input, Context context) {
			this.input = input;
			this.context = context;
		}

		private void error(String field, String code, String message) {
			this.errors.add(new CaseProblem(field, code, message));
		}

		private boolean complete() {
			return this.context.complete();
		}

		Outcome run() {
			CaseInput in = this.input;
			if (blank(in.medicalRecordNo())) {
				error("medicalRecordNo", "REQUIRED", "病案号不能为空");
			}
			length("medicalRecordNo", "病案号", in.medicalRecordNo(), 40);
			length("inpatientNo", "住院号", in.inpatientNo(), 40);
			patient(in.patient());
			codes("subTechnique", "子技术", in.subTechnique(), this.context.subTechniques());
			if (complete() && !this.context.subTechniques().isEmpty() && blank(in.subTechnique())) {
				error("subTechnique", "REQUIRED", "子技术不能为空（管理规范 " + this.context.form().key() + " 区分子技术）");
			}
			codes("route", "治疗途径", in.route(), this.context.routes());
			List<String> procedureCodes = procedureCodes(in.procedureCodes());
			dates();
			required("department", "科室", in.department());
			length("department", "科室", in.department(), 60);
			people();
			if (complete() && in.informedConsent() == null) {
				error("informedConsent", "REQUIRED", "请填写是否已签署知情同意书");
			}
			if (in.dischargeStatus() != null && !in.dischargeStatus().isBlank()
					&& !this.context.dischargeStatuses().contains(in.dischargeStatus())) {
				error("dischargeStatus", "INVALID_CHOICE", "离院方式代码 " + in.dischargeStatus() + " 不存在");
			}
			complications();
			Map<String, Object> fields = formFields();
			List<@Nullable DeviceIdentification> devices = devices();
			return new Outcome(List.copyOf(this.errors), List.copyOf(this.warnings), fields, procedureCodes, devices);
		}

		private void patient(PatientInput patient) {
			required("patient.name", "患者姓名", patient.name());
			length("patient.name", "患者姓名", patient.name(), 50);
			String id = patient.idNumber();
			if (id != null && !id.isBlank()) {
				String normalized = IdNumbers.normalize(id);
				String problem = IdNumbers.problem(normalized);
				if (problem != null) {
					error("patient.idNumber", "INVALID_ID_NUMBER", problem);
				}
				else {
					LocalDate born = IdNumbers.birthDate(normalized);
					if (patient.birthDate() != null && !patient.birthDate().equals(born)) {
						error("patient.birthDate", "ID_MISMATCH",
								"出生日期 " + patient.birthDate() + " 与身份证号中的出生日期 " + born + " 不一致");
					}
					if (patient.sex() != null && !patient.sex().isBlank()
							&& !patient.sex().equals(IdNumbers.sex(normalized))) {
						error("patient.sex", "ID_MISMATCH", "性别与身份证号（第 17 位）不一致");
					}
				}
			}
			String phone = patient.phone();
			if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
				error("patient.phone", "INVALID_PHONE", "联系电话只能包含数字、+、- 和空格，至多 20 位");
			}
			if (complete() && blank(patient.sex())) {
				error("patient.sex", "REQUIRED", "性别不能为空");
			}
			else if (!blank(patient.sex()) && !Set.of("M", "F").contains(patient.sex())) {
				error("patient.sex", "INVALID_CHOICE", "性别应为 M（男）或 F（女）");
			}
			LocalDate birth = patient.birthDate();
			if (birth != null && birth.isAfter(this.context.today())) {
				error("patient.birthDate", "FUTURE_DATE", "出生日期 " + birth + " 晚于今天");
			}
			if (birth != null && this.input.operationDate() != null && birth.isAfter(this.input.operationDate())) {
				error("patient.birthDate", "DATE_ORDER", "出生日期 " + birth + " 晚于手术日期 " + this.input.operationDate());
			}
		}

		private List<String> procedureCodes(List<String> codes) {
			List<String> normalized = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < codes.size(); i++) {
				String raw = codes.get(i);
				if (raw == null || raw.isBlank()) {
					continue;
				}
				String code = ProcedureCodeNormaliser.code(raw).orElse(null);
				if (code == null) {
					error("procedureCodes[" + i + "]", "INVALID_CODE",
							"手术操作编码“" + raw + "”格式不正确（应如 06.3100x001、17.4100）");
				}
				else if (seen.add(code)) {
					normalized.add(code);
				}
			}
			return normalized;
		}

		private void dates() {
			CaseInput in = this.input;
			LocalDate today = this.context.today();
			LocalDate admission = in.admissionDate();
			LocalDate operation = in.operationDate();
			LocalDate discharge = in.dischargeDate();
			if (complete() && admission == null) {
				error("admissionDate", "REQUIRED", "入院日期不能为空");
			}
			if (complete() && operation == null) {
				error("operationDate", "REQUIRED", "手术日期不能为空");
			}
			notFuture("admissionDate", "入院日期", admission, today);
			notFuture("operationDate", "手术日期", operation, today);
			notFuture("dischargeDate", "出院日期", discharge, today);
			notFuture("deathDate", "死亡日期", in.deathDate(), today);
			if (admission != null && operation != null && admission.isAfter(operation)) {
				error("operationDate", "DATE_ORDER", "手术日期 " + operation + " 早于入院日期 " + admission);
			}
			if (operation != null && discharge != null && discharge.isBefore(operation)) {
				error("dischargeDate", "DATE_ORDER", "出院日期 " + discharge + " 早于手术日期 " + operation);
			}
			else if (admission != null && discharge != null && discharge.isBefore(admission)) {
				error("dischargeDate", "DATE_ORDER", "出院日期 " + discharge + " 早于入院日期 " + admission);
			}
			if (in.deathDate() != null && operation != null && in.deathDate().isBefore(operation)) {
				error("deathDate", "DATE_ORDER", "死亡日期 " + in.deathDate() + " 早于手术日期 " + operation);
			}
			if (admission != null && discharge != null
					&& ChronoUnit.DAYS.between(admission, discharge) > LONG_STAY_DAYS) {
				this.warnings.add(new CaseProblem("dischargeDate", LONG_STAY, "住院 "
						+ ChronoUnit.DAYS.between(admission, discharge) + " 天，超过 " + LONG_STAY_DAYS + " 天，请确认入院、出院日期"));
			}
		}

		private void notFuture(String field, String label, @Nullable LocalDate date, LocalDate today) {
			if (date != null && date.isAfter(today)) {
				error(field, "FUTURE_DATE", label + " " + date + " 晚于今天（" + today + "）");
			}
		}

		private void people() {
			CaseInput in = this.input;
			UUID operator = in.operatorId();
			if (operator == null) {
				if (complete()) {
					error("operatorId", "REQUIRED", "术者不能为空");
				}
			}
			else {
				CaseRules.Staff staff = this.context.staff().get(operator);
				if (staff == null) {
					error("operatorId", "NOT_OF_INSTITUTION", "术者不是本机构的人员");
				}
				else if (!staff.physician()) {
					error("operatorId", "NOT_A_PHYSICIAN", staff.name() + " 不是医师，不能作为术者");
				}
			}
			Set<UUID> seen = new HashSet<>();
			for (int i = 0; i < in.assistantIds().size(); i++) {
				UUID assistant = in.assistantIds().get(i);
				String field = "assistantIds[" + i + "]";
				if (assistant == null) {
					error(field, "REQUIRED", "助手不能为空");
				}
				else if (!this.context.staff().containsKey(assistant)) {
					error(field, "NOT_OF_INSTITUTION", "助手不是本机构的人员");
				}
				else if (assistant.equals(operator)) {
					error(field, "DUPLICATE_PERSON", "术者不应同时列为助手");
				}
				else if (!seen.add(assistant)) {
					error(field, "DUPLICATE_PERSON", "助手重复");
				}
			}
		}

		private void complications() {
			LocalDate operation = this.input.operationDate();
			for (int i = 0; i < this.input.complications().size(); i++) {
				Complication c = this.input.complications().get(i);
				String path = "complications[" + i + "]";
				if (c == null) {
					error(path, "REQUIRED", "并发症不能为空");
					continue;
				}
				if (c.name().isBlank()) {
					error(path + ".name", "REQUIRED", "并发症名称不能为空");
				}
				length(path + ".name", "并发症名称", c.name(), 100);
				if (c.grade() != null && !c.grade().isBlank() && !GRADES.contains(c.grade())) {
					error(path + ".grade", "INVALID_CHOICE", "并发症分级应为 I–V（Clavien-Dindo）");
				}
				String row = "第 " + (i + 1) + " 项并发症";
				if (c.type() != null && !c.type().isBlank()) {
					CaseForm form = this.context.form();
					if (form.complicationType(c.type()).isEmpty()) {
						error(path + ".type", "INVALID_CHOICE", row + "的类型“" + c.type() + "”不在病例表单 " + form.key()
								+ " 的并发症类型中"
								+ (form.complicationTypes().isEmpty() ? "（该表单不区分并发症类型）" : "（可选：" + String.join("、",
										form.complicationTypes().stream().map(o -> o.code() + " " + o.name()).toList())
										+ "）"));
					}
				}
				// a grade IV/V complication is serious by 注3 whether or not the box was
				// ticked: left empty it
				// fell out of every serious-complication rate
				if (!Boolean.TRUE.equals(c.serious()) && ("IV".equals(c.grade()) || "V".equals(c.grade()))
						&& (Boolean.FALSE.equals(c.serious()) || complete())) {
					error(path + ".serious", "SERIOUS_MISMATCH", row + "为 Clavien-Dindo " + c.grade()
							+ " 级（危及生命需重症监护或死亡），属严重并发症（导致护理级别提升、致残或死亡），“严重并发症”须为是");
				}
				LocalDate onset = c.onsetDate();
				notFuture(path + ".onsetDate", "并发症发生日期", onset, this.context.today());
				if (onset != null && operation != null && onset.isBefore(operation)) {
					error(path + ".onsetDate", "DATE_ORDER", "并发症发生日期 " + onset + " 早于手术日期 " + operation);
				}
			}
		}

		private Map<String, Object> formFields() {
			CaseForm form = this.context.form();
			Map<String, Object> values = new LinkedHashMap<>();
			for (Map.Entry<String, Object> entry : this.input.fields().entrySet()) {
				if (form.field(entry.getKey()).isEmpty()) {
					error("fields." + entry.getKey(), "UNKNOWN_FIELD",
							"病例表单 " + form.key() + " 没有字段 " + entry.getKey());
				}
			}
			for (CaseField field : form.fields()) {
				Object raw = this.input.fields().get(field.key());
				String path = "fields." + field.key();
				Object value = value(field, raw, path);
				boolean given = raw != null && !(raw instanceof String s && s.isBlank());
				if (value != null) {
					values.put(field.key(), value);
					warn(field, value, path);
				}
				else if (!given && complete() && requiredNow(field, values)) {
					error(path, "REQUIRED", field.label() + "不能为空"
							+ ((field.requiredWhen() != null) ? "（" + conditionText(field) + "时必填）" : ""));
				}
			}
			for (CaseField field : form.fields()) {
				String bound = field.atMost();
				if (bound != null && values.get(field.key()) instanceof Number value
						&& values.get(bound) instanceof Number limit
						&& new BigDecimal(value.toString()).compareTo(new BigDecimal(limit.toString())) > 0) {
					String limitLabel = form.field(bound).map(CaseField::label).orElse(bound);
					error("fields." + field.key(), "ABOVE_FIELD",
							field.label() + "（" + value + "）不能大于" + limitLabel + "（" + limit + "）");
				}
			}
			return values;
		}

		private String conditionText(CaseField field) {
			CaseField.Condition condition = field.requiredWhen();
			if (condition == null) {
				return "";
			}
			String name = this.context.form()
				.field(condition.field())
				.map(other -> other.label() + "为"
						+ other.option(condition.equals()).map(CaseField.Option::name).orElse(condition.equals()))
				.orElse(condition.field() + " 为 " + condition.equals());
			return name;
		}

		private boolean requiredNow(CaseField field, Map<String, Object> values) {
			if (field.required()) {
				return true;
			}
			CaseField.Condition condition = field.requiredWhen();
			if (condition == null) {
				return false;
			}
			Object other = switch (condition.field()) {
				case "subTechnique" -> this.input.subTechnique();
				case "route" -> this.input.route();
				case "dischargeStatus" -> this.input.dischargeStatus();
				default -> {
					Object formValue = values.get(condition.field());
					yield (formValue != null) ? formValue : this.input.fields().get(condition.field());
				}
			};
			return other != null && String.valueOf(other).equals(condition.equals());
		}

		private void warn(CaseField field, Object value, String path) {
			CaseField.Warning warning = field.warnIf();
			if (warning == null || !(value instanceof Number)) {
				return;
			}
			BigDecimal number = new BigDecimal(value.toString());
			if ((warning.below() != null && number.compareTo(warning.below()) < 0)
					|| (warning.above() != null && number.compareTo(warning.above()) > 0)) {
				this.warnings.add(new CaseProblem(path, warning.code(), warning.message()));
			}
		}

		private @Nullable Object value(CaseField field, @Nullable Object raw, String path) {
			if (raw == null || (raw instanceof String s && s.isBlank())) {
				return null;
			}
			String text = String.valueOf(raw).strip();
			switch (field.type()) {
				case TEXT -> {
					if (!(raw instanceof String)) {
						error(path, "INVALID_TYPE", field.label() + "应为文字");
						return null;
					}
					Integer max = field.maxLength();
					if (max != null && text.codePointCount(0, text.length()) > max) {
						error(path, "TOO_LONG", field.label() + "不能超过 " + max + " 个字");
						return null;
					}
					return text;
				}
				case INTEGER, DECIMAL -> {
					BigDecimal number;
					try {
						number = (raw instanceof Boolean) ? null : new BigDecimal(text);
					}
					catch (NumberFormatException ex) {
						number = null;
					}
					if (number == null) {
						error(path, "INVALID_TYPE", field.label() + "应为数字：“" + text + "”");
						return null;
					}
					if (field.type() == FieldType.INTEGER && number.stripTrailingZeros().scale() > 0) {
						error(path, "INVALID_TYPE", field.label() + "应为整数：" + text);
						return null;
					}
					if ((field.min() != null && number.compareTo(field.min()) < 0)
							|| (field.max() != null && number.compareTo(field.max()) > 0)) {
						error(path, "OUT_OF_RANGE", field.label() + " " + number.toPlainString() + " 超出范围 "
								+ range(field) + ((field.unit() != null) ? " " + field.unit() : ""));
						return null;
					}
					BigDecimal plain = number.stripTrailingZeros();
					return (field.type() == FieldType.INTEGER) ? (Object) number.longValueExact()
							: ((plain.scale() < 0) ? plain.setScale(0) : plain);
				}
				case DATE -> {
					try {
						LocalDate date = LocalDate.parse(text);
						if (date.isAfter(this.context.today())) {
							error(path, "FUTURE_DATE", field.label() + " " + date + " 晚于今天");
							return null;
						}
						return date.toString();
					}
					catch (DateTimeParseException ex) {
						error(path, "INVALID_TYPE", field.label() + "应为日期（yyyy-MM-dd）：“" + text + "”");
						return null;
					}
				}
				case BOOLEAN -> {
					Boolean bool = bool(raw, text);
					if (bool == null) {
						error(path, "INVALID_TYPE", field.label() + "应为“是”或“否”：“" + text + "”");
					}
					return bool;
				}
				case CHOICE -> {
					String code = text.toUpperCase(Locale.ROOT);
					if (field.option(code).isPresent()) {
						return code;
					}
					return field.options()
						.stream()
						.filter(o -> o.name().equals(text))
						.findFirst()
						.<Object>map(CaseField.Option::code)
						.orElseGet(() -> {
							error(path, "INVALID_CHOICE",
									field.label() + "没有选项“" + text + "”（可选：" + String.join("、",
											field.options().stream().map(o -> o.code() + " " + o.name()).toList())
											+ "）");
							return null;
						});
				}
				default -> {
					error(path, "INVALID_TYPE", field.label() + "的类型不能用于病例表单字段");
					return null;
				}
			}
		}

		private static String range(CaseField field) {
			return ((field.min() != null) ? field.min().toPlainString() : "") + "–"
					+ ((field.max() != null) ? field.max().toPlainString() : "");
		}

		private static @Nullable Boolean bool(Object raw, String text) {
			if (raw instanceof Boolean b) {
				return b;
			}
			return switch (text.toLowerCase(Locale.ROOT)) {
				case "true", "是", "有", "y", "yes", "1" -> Boolean.TRUE;
				case "false", "否", "无", "n", "no", "0" -> Boolean.FALSE;
				default -> null;
			};
		}

		private List<@Nullable DeviceIdentification> devices() {
			List<@Nullable DeviceIdentification> readings = new ArrayList<>();
			Set<String> singleUse = new HashSet<>();
			for (int i = 0; i < this.input.devices().size(); i++) {
				DeviceInput device = this.input.devices().get(i);
				String path = "devices[" + i + "]";
				if (device == null || device.scanned().isBlank()) {
					error(path + ".scanned", "REQUIRED", "器械条码不能为空");
					readings.add(null);
					continue;
				}
				if (device.scanned().length() > DeviceBarcodes.MAX_LENGTH) {
					error(path + ".scanned", "TOO_LONG", "条码不能超过 " + DeviceBarcodes.MAX_LENGTH + " 个字符");
					readings.add(null);
					continue;
				}
				DeviceIdentification reading;
				try {
					reading = readBarcode(device.scanned(), this.context.today());
				}
				catch (InvalidBarcode ex) {
					error(path + ".scanned", "INVALID_BARCODE", String.valueOf(ex.getMessage()));
					readings.add(null);
					continue;
				}
				readings.add(reading);
				length(path + ".registrationNo", "注册证编号", device.registrationNo(), 60);
				length(path + ".name", "器械名称", device.name(), 100);
				Integer quantity = device.quantity();
				if (quantity != null && (quantity < 1 || quantity > 10_000)) {
					error(path + ".quantity", "OUT_OF_RANGE", "数量应为 1–10000");
				}
				if (!Boolean.FALSE.equals(device.singleUse()) && reading.gtin() != null && reading.serial() != null
						&& !singleUse.add(reading.gtin() + "|" + reading.serial())) {
					error(path + ".scanned", "DEVICE_REUSED",
							"同一一次性器械（GTIN " + reading.gtin() + "，序列号 " + reading.serial() + "）在本病例中登记了两次");
				}
			}
			return readings;
		}

		private void codes(String field, String label, @Nullable String value, Set<String> allowed) {
			if (value == null || value.isBlank()) {
				return;
			}
			if (allowed.isEmpty()) {
				error(field, "INVALID_CHOICE", "管理规范 " + this.context.form().key() + " 未规定" + label + "，不应填写");
			}
			else if (!allowed.contains(value)) {
				error(field, "INVALID_CHOICE", label + "代码 " + value + " 不属于管理规范 " + this.context.form().key() + "（可选："
						+ String.join("、", allowed.stream().sorted().toList()) + "）");
			}
		}

		private void required(String field, String label, @Nullable String value) {
			if (complete() && blank(value)) {
				error(field, "REQUIRED", label + "不能为空");
			}
		}

		private void length(String field, String label, @Nullable String value, int max) {
			if (value != null && value.strip().codePointCount(0, value.strip().length()) > max) {
				error(field, "TOO_LONG", label + "不能超过 " + max + " 个字");
			}
		}

		private static boolean blank(@Nullable String value) {
			return value == null || value.isBlank();
		}

	}

}
