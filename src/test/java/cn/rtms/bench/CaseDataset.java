package cn.rtms.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseForm;
import cn.rtms.cases.CaseForms;
import cn.rtms.personnel.PersonDetails;

/**
 * The case dataset generator of the import benchmark and tests (docs/benchmark.md, "Case
 * import benchmark"): {@code n} realistic, valid case rows of one technology for one
 * hospital, deterministic for a seed, produced one at a time (nothing is held), as values
 * by template column key that {@code CaseImports#writeWorkbook} / {@code #writeCsv} write
 * as XLSX or CSV in the template layout.
 * <ul>
 * <li>病案号 {@code <prefix>00000001…} and 住院号 unique per row;</li>
 * <li>patients: common surnames and given names, an 18-digit ID number of a Changchun
 * district with a valid GB 11643 check digit, birth date and sex matching it (ages
 * 25–84), a mobile number;</li>
 * <li>admission within the three years before {@code today} (not in the last 15 days),
 * operation 0–3 days later, discharge 1–12 days after the operation (no stay over 60
 * days, so no plausibility warning);</li>
 * <li>sub-technique and route from the spec in force, a procedure code of that
 * sub-technique from the spec's code list (when it has one), department, an operator and
 * sometimes an assistant from the given staff names, consent 是, discharge status mostly
 * 医嘱离院, a grade I complication in 3 % of rows;</li>
 * <li>every technology field filled: choices at random, whole numbers 1–3 within the
 * field's range (the same number for every whole-number field of a row, so "completed"
 * never exceeds "planned"), decimals within the range (percentages 85–100), dates the
 * operation day, yes/no 是, texts "无".</li>
 * </ul>
 */
public final class CaseDataset {

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
			"何", "郭", "马", "罗" };

	static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
			"明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "淑珍", "玉梅", "海燕", "国庆", "春生" };

	static final String[] DISTRICTS = { "220102", "220103", "220104", "220105", "220106", "220112", "220113" };

	static final String[] DEPARTMENTS = { "肿瘤科", "介入科", "普外科", "超声医学科", "放疗科", "胸外科" };

	private CaseDataset() {
	}

	/**
	 * @param people the people of a hospital
	 * @return the names of those with a 医师执业证书 whose name is unique there (so a sheet can
	 * name them)
	 */
	public static List<String> staffNames(List<PersonDetails> people) {
		Map<String, Integer> counts = new HashMap<>();
		people.forEach(p -> counts.merge(p.name(), 1, Integer::sum));
		List<String> names = new ArrayList<>();
		for (PersonDetails person : people) {
			if (counts.get(person.name()) == 1 && person.licence() != null) {
				names.add(person.name());
			}
		}
		return names;
	}

	/**
	 * @param forms the case forms
	 * @param technology technology code
	 * @param today the day the data is "as of"
	 * @param staff names of the hospital's physicians (operators and assistants)
	 * @param n number of rows
	 * @param prefix 病案号 prefix (keeps datasets of one run apart)
	 * @param seed random seed
	 * @return the rows, generated as they are read
	 */
	public static Iterator<Map<String, Object>> rows(CaseForms forms, String technology, LocalDate today,
			List<String> staff, int n, String prefix, long seed) {
		CaseForm form = forms.forTechnology(technology, today);
		List<CaseField> common = forms.commonFields(technology, today);
		List<CaseForms.CodeName> codes = forms.procedureCodes(technology, today);
		SplittableRandom random = new SplittableRandom(seed);
		return new Iterator<>() {

			private int i;

			@Override
			public boolean hasNext() {
				return this.i < n;
			}

			@Override
			public Map<String, Object> next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				this.i++;
				return row(this.i, form, common, codes, staff, today, prefix, random);
			}

		};
	}

	static Map<String, Object> row(int i, CaseForm form, List<CaseField> common, List<CaseForms.CodeName> codes,
			List<String> staff, LocalDate today, String prefix, SplittableRandom random) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("medicalRecordNo", prefix + String.format("%08d", i));
		row.put("inpatientNo", "ZY" + String.format("%09d", i));
		boolean male = random.nextBoolean();
		LocalDate birth = today.minusYears(25 + random.nextInt(60)).minusDays(random.nextInt(365));
		row.put("patientName", SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]);
		row.put("patientIdNumber",
				idNumber(DISTRICTS[random.nextInt(DISTRICTS.length)], birth, random.nextInt(500), male));
		row.put("patientPhone", "13" + String.format("%09d", random.nextInt(1_000_000_000)));
		row.put("patientSex", male ? "M" : "F");
		row.put("patientBirthDate", birth);
		LocalDate admission = today.minusDays(15 + random.nextInt(3 * 365 - 15));
		LocalDate operation = admission.plusDays(random.nextInt(4));
		row.put("admissionDate", admission);
		row.put("operationDate", operation);
		row.put("dischargeDate", operation.plusDays(1 + random.nextInt(12)));
		String subTechnique = null;
		for (CaseField field : common) {
			if (field.key().equals("subTechnique") && !field.options().isEmpty()) {
				subTechnique = field.options().get(random.nextInt(field.options().size())).code();
				row.put("subTechnique", subTechnique);
			}
			if (field.key().equals("route") && !field.options().isEmpty()) {
				row.put("route", field.options().get(random.nextInt(field.options().size())).code());
			}
		}
		String chosen = subTechnique;
		List<CaseForms.CodeName> matching = codes.stream()
			.filter(c -> c.subTechnique() == null || c.subTechnique().equals(chosen))
			.toList();
		if (!matching.isEmpty()) {
			row.put("procedureCodes", matching.get(random.nextInt(matching.size())).code());
		}
		row.put("department", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
		if (!staff.isEmpty()) {
			int operator = random.nextInt(staff.size());
			row.put("operator", staff.get(operator));
			if (staff.size() > 1 && random.nextInt(3) == 0) {
				row.put("assistants", staff.get((operator + 1) % staff.size()));
			}
		}
		row.put("informedConsent", Boolean.TRUE);
		if (random.nextInt(100) < 3) {
			row.put("complications", "术后出血|I|" + operation.plusDays(1));
		}
		row.put("dischargeStatus", random.nextInt(20) == 0 ? "TRANSFER_COMMUNITY" : "ORDERED");
		int whole = 1 + random.nextInt(3);
		for (CaseField field : form.fields()) {
			Object value = switch (field.type()) {
				case CHOICE -> field.options().isEmpty() ? null
						: field.options().get(random.nextInt(field.options().size())).code();
				case INTEGER -> clamp(BigDecimal.valueOf(whole), field).intValue();
				case DECIMAL -> decimal(field, random);
				case DATE -> operation;
				case BOOLEAN -> Boolean.TRUE;
				case TEXT -> "无";
				case PERSON -> staff.isEmpty() ? null : staff.get(0);
			};
			if (value != null) {
				row.put(field.key(), value);
			}
		}
		return row;
	}

	private static BigDecimal clamp(BigDecimal value, CaseField field) {
		BigDecimal v = value;
		if (field.min() != null && v.compareTo(field.min()) < 0) {
			v = field.min();
		}
		if (field.max() != null && v.compareTo(field.max()) > 0) {
			v = field.max();
		}
		return v;
	}

	private static BigDecimal decimal(CaseField field, SplittableRandom random) {
		double low = field.min() == null ? 0 : field.min().doubleValue();
		double high = field.max() == null ? low + 100 : field.max().doubleValue();
		if ("%".equals(field.unit())) {
			low = Math.max(low, Math.min(85, high));
		}
		double value = low + random.nextDouble() * (high - low);
		return clamp(BigDecimal.valueOf(value).setScale(1, RoundingMode.DOWN), field);
	}

	/**
	 * @return an 18-digit resident ID number with its GB 11643 check digit
	 */
	static String idNumber(String district, LocalDate birth, int sequence, boolean male) {
		int order = sequence * 2 + (male ? 1 : 0);
		String body = district
				+ String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
				+ String.format("%03d", order % 1000);
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int k = 0; k < 17; k++) {
			sum += (body.charAt(k) - '0') * weights[k];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

}
