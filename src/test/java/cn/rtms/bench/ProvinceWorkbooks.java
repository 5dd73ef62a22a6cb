package cn.rtms.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.BiConsumer;

import cn.rtms.institutions.CreditCode;

/**
 * The bulk-load dataset generator (docs/bulk-load.md, docs/benchmark.md): a province's
 * institutions and people as the rows of the two bulk-load templates, deterministic for
 * the seed and generated lazily (one institution or person at a time), so 50,000 people
 * are written with flat memory. Institution {@code i} has the credit code
 * {@link #creditCode(int)} (a valid GB 32100 check character) and lies in region
 * {@code regions[i % regions.length]}; person {@code p} has the licence number
 * {@link #licence(int)} and works at institution {@code p % institutions}.
 * <p>
 * Per institution: 2–6 departments with 10–89 beds, 1–4 facilities, 1–5 equipment kinds,
 * 1–6 operating rooms, 0–2 other licences. Per person: 1–3 titles climbing from 住院医师, a
 * specialty, a training for 40 %, 3 yearly volume rows for 60 %.
 */
public final class ProvinceWorkbooks {

	static final String[] FACILITIES = { "PACU", "ICU", "PACS", "EMERGENCY_KIT", "LAMINAR_AIRFLOW" };

	static final String[] EQUIPMENT = { "CT", "MRI", "DSA", "LINAC", "PET_CT", "US" };

	static final String[] DEPARTMENTS = { "肿瘤科", "放疗科", "神经外科", "心血管内科", "普通外科", "骨科", "麻醉科", "重症医学科" };

	static final String[] TITLES = { "住院医师", "主治医师", "副主任医师", "主任医师" };

	static final String[] SPECIALTIES = { "肿瘤", "外科", "内科", "麻醉", "影像" };

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };

	static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛" };

	private ProvinceWorkbooks() {
	}

	/**
	 * @param i institution index
	 * @return its 统一社会信用代码: 12 (public institution) + region-free 220000 + a 9-digit
	 * identifier + the GB 32100 check character
	 */
	public static String creditCode(int i) {
		String first17 = "12220000" + String.format("%09d", 300_000_000 + i);
		return first17 + CreditCode.checkCharacter(first17);
	}

	/**
	 * @param p person index
	 * @return a 15-digit 医师执业证书编码
	 */
	public static String licence(int p) {
		return "1102200" + String.format("%08d", 10_000_000 + p);
	}

	/**
	 * The institutions template's rows, per sheet name, generated lazily.
	 * @param n institutions
	 * @param regions county-level region codes to spread them over
	 * @param issuer the issuing authority's region code
	 * @param seed random seed
	 * @return rows per sheet
	 */
	public static Map<String, Iterator<List<Object>>> institutions(int n, List<String> regions, String issuer,
			long seed) {
		return institutions(0, n, regions, issuer, seed);
	}

	/**
	 * The institutions template's rows of institutions {@code first} to
	 * {@code first + n - 1} (a second province beside the first: other keys, names and
	 * licences).
	 * @param first the first institution's index
	 * @param n institutions
	 * @param regions county-level region codes to spread them over
	 * @param issuer the issuing authority's region code
	 * @param seed random seed
	 * @return rows per sheet
	 */
	public static Map<String, Iterator<List<Object>>> institutions(int first, int n, List<String> regions,
			String issuer, long seed) {
		Map<String, Iterator<List<Object>>> sheets = new LinkedHashMap<>();
		sheets.put("机构", rows(first, n, seed, (i, out) -> {
			Random r = new Random(seed + i);
			boolean specialty = r.nextInt(5) == 0;
			LocalDate from = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(1500));
			out.add(List.of(creditCode(i), String.format("示范第%04d人民医院", i), regions.get(i % regions.size()),
					new String[] { "三级甲等", "三级乙等", "二级甲等", "二级乙等", "一级甲等" }[r.nextInt(5)], specialty ? "专科" : "综合",
					specialty ? "肿瘤" : "", "PDY" + String.format("%08d", 40_000_000 + i), "示范市卫生健康委员会", issuer, from,
					from.plusYears(5)));
		}));
		sheets.put("科室床位", rows(first, n, seed + 1, (i, out) -> {
			Random r = new Random(seed * 31 + i);
			int d = 2 + r.nextInt(5);
			for (int k = 0; k < d; k++) {
				out.add(List.of(creditCode(i), DEPARTMENTS[(i + k) % DEPARTMENTS.length], 10 + r.nextInt(80),
						LocalDate.of(2000 + r.nextInt(20), 1 + r.nextInt(12), 1), r.nextInt(3000)));
			}
		}));
		sheets.put("设施", rows(first, n, seed + 2, (i, out) -> {
			Random r = new Random(seed * 37 + i);
			int f = 1 + r.nextInt(4);
			for (int k = 0; k < f; k++) {
				out.add(List.of(creditCode(i), FACILITIES[(i + k) % FACILITIES.length], 1 + r.nextInt(3),
						r.nextInt(20)));
			}
		}));
		sheets.put("设备", rows(first, n, seed + 3, (i, out) -> {
			Random r = new Random(seed * 41 + i);
			int e = 1 + r.nextInt(5);
			for (int k = 0; k < e; k++) {
				out.add(List.of(creditCode(i), EQUIPMENT[(i + k) % EQUIPMENT.length], 1 + r.nextInt(4),
						"型号" + r.nextInt(100)));
			}
		}));
		sheets.put("手术间", rows(first, n, seed + 4, (i, out) -> {
			Random r = new Random(seed * 43 + i);
			int o = 1 + r.nextInt(6);
			for (int k = 0; k < o; k++) {
				out.add(List.of(creditCode(i), "手术间" + (k + 1), new String[] { "I", "II", "III", "IV" }[r.nextInt(4)]));
			}
		}));
		sheets.put("其他许可证", rows(first, n, seed + 5, (i, out) -> {
			Random r = new Random(seed * 47 + i);
			int l = r.nextInt(3);
			for (int k = 0; k < l; k++) {
				LocalDate from = LocalDate.of(2021, 1, 1).plusDays(r.nextInt(900));
				out.add(List.of(creditCode(i), k == 0 ? "RADIOLOGY" : "RADIATION_SAFETY",
						"FS" + String.format("%07d", i * 3 + k), from, from.plusYears(4)));
			}
		}));
		return sheets;
	}

	/**
	 * The people template's rows, per sheet name, generated lazily.
	 * @param n people
	 * @param institutions institutions they are spread over (indices of
	 * {@link #creditCode(int)})
	 * @param seed random seed
	 * @return rows per sheet
	 */
	public static Map<String, Iterator<List<Object>>> people(int n, int institutions, long seed) {
		return people(0, n, 0, institutions, seed);
	}

	/**
	 * The people template's rows of people {@code first} to {@code first + n - 1}, person
	 * {@code first + k} working at institution
	 * {@code firstInstitution + k % institutions}.
	 * @param first the first person's index
	 * @param n people
	 * @param firstInstitution the first institution's index
	 * @param institutions institutions they are spread over
	 * @param seed random seed
	 * @return rows per sheet
	 */
	public static Map<String, Iterator<List<Object>>> people(int first, int n, int firstInstitution, int institutions,
			long seed) {
		Map<String, Iterator<List<Object>>> sheets = new LinkedHashMap<>();
		sheets.put("人员", rows(first, n, seed, (p, out) -> {
			Random r = new Random(seed + p);
			LocalDate birth = LocalDate.of(1960 + r.nextInt(35), 1 + r.nextInt(12), 1 + r.nextInt(28));
			LocalDate licensed = birth.plusYears(25 + r.nextInt(3));
			out.add(List.of(licence(p),
					SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)]
							+ GIVEN[r.nextInt(GIVEN.length)],
					r.nextBoolean() ? "男" : "女", birth, r.nextInt(5) == 0 ? "护士" : "医师",
					creditCode(firstInstitution + (p - first) % institutions), licensed, "外科专业",
					licensed.plusMonths(1)));
		}));
		sheets.put("职称", rows(first, n, seed + 1, (p, out) -> {
			Random r = new Random(seed * 31 + p);
			int t = 1 + r.nextInt(3);
			LocalDate since = LocalDate.of(2000 + r.nextInt(8), 7, 1);
			for (int k = 0; k < t; k++) {
				out.add(List.of(licence(p), TITLES[k], since));
				since = since.plusYears(4 + r.nextInt(5));
			}
		}));
		sheets.put("专业", rows(first, n, seed + 2, (p, out) -> out
			.add(List.of(licence(p), SPECIALTIES[p % SPECIALTIES.length], LocalDate.of(2005 + p % 10, 3, 1)))));
		sheets.put("培训", rows(first, n, seed + 3, (p, out) -> {
			Random r = new Random(seed * 37 + p);
			if (r.nextInt(5) < 2) {
				LocalDate start = LocalDate.of(2015 + r.nextInt(8), 1 + r.nextInt(12), 1);
				out.add(List.of(licence(p), "G08", "示范培训基地", start, start.plusMonths(6), 20 + r.nextInt(40),
						Boolean.TRUE));
			}
		}));
		sheets.put("年度例数", rows(first, n, seed + 4, (p, out) -> {
			Random r = new Random(seed * 41 + p);
			if (r.nextInt(5) < 3) {
				for (int y = 2023; y <= 2025; y++) {
					out.add(List.of(licence(p), "G08", y, r.nextInt(200)));
				}
			}
		}));
		return sheets;
	}

	/** Rows produced per key index, lazily. */
	private static Iterator<List<Object>> rows(int first, int n, long seed,
			BiConsumer<Integer, List<List<Object>>> producer) {
		return new Iterator<>() {

			private int next = first;

			private final List<List<Object>> pending = new ArrayList<>();

			private int position;

			@Override
			public boolean hasNext() {
				while (this.position >= this.pending.size() && this.next < first + n) {
					this.pending.clear();
					this.position = 0;
					producer.accept(this.next++, this.pending);
				}
				return this.position < this.pending.size();
			}

			@Override
			public List<Object> next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.pending.get(this.position++);
			}

		};
	}

}
