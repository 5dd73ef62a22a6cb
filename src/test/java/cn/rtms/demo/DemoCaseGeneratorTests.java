package cn.rtms.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.rtms.cases.CaseForms;
import cn.rtms.cases.CaseInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo case generator: deterministic, inside the three years, seasonal, valid ID
 * numbers and GS1 barcodes, fields that follow the procedure code.
 */
class DemoCaseGeneratorTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	static final List<CaseForms.CodeName> CODES = List.of(new CaseForms.CodeName("06.3100x001", "经皮甲状腺病损射频消融术", "RFA"),
			new CaseForms.CodeName("06.3100x002", "经皮甲状腺病损微波消融术", "MWA"),
			new CaseForms.CodeName("50.2400x002", "经皮肝病损纳米刀消融术", "IRE"),
			new CaseForms.CodeName("52.2100x001", "腹腔镜下胰腺病损射频消融术", "RFA"),
			new CaseForms.CodeName("77.6900x060", "经皮椎骨病损微波消融术", "MWA"));

	static DemoCaseGenerator generator(long seed) {
		UUID a = new UUID(0, 1);
		UUID b = new UUID(0, 2);
		return new DemoCaseGenerator(new DemoCaseGenerator.Plan("T", new UUID(1, 1), "G08", List.of(a, b),
				List.of(a, b, new UUID(0, 3)), List.of("肿瘤科"), List.of("220104", "220581"), 30, 20, seed), TODAY,
				(technology, day) -> CODES);
	}

	@Test
	void theSameSeedGivesTheSameCases() {
		List<CaseInput> first = generator(7).generate();
		List<CaseInput> second = generator(7).generate();
		assertThat(first).isEqualTo(second);
		assertThat(generator(8).generate()).isNotEqualTo(first);
	}

	@Test
	void casesLieInTheThreeYearsWithSeasonalMonthlyVolumes() {
		DemoCaseGenerator generator = generator(7);
		List<CaseInput> cases = generator.generate();
		assertThat(cases).allSatisfy(c -> {
			assertThat(c.operationDate()).isAfter(TODAY.minusYears(3)).isBeforeOrEqualTo(TODAY.minusDays(12));
			assertThat(c.admissionDate()).isBeforeOrEqualTo(c.operationDate());
			assertThat(c.dischargeDate()).isAfterOrEqualTo(c.operationDate()).isBeforeOrEqualTo(TODAY);
		});
		// 30 a month in the last year, 20 before; February (Spring Festival) lower than
		// March
		assertThat(generator.casesIn(YearMonth.of(2026, 3))).isEqualTo(33);
		assertThat(generator.casesIn(YearMonth.of(2026, 2))).isEqualTo(21);
		assertThat(generator.casesIn(YearMonth.of(2025, 3))).isEqualTo(22);
		assertThat(generator.casesIn(YearMonth.of(2023, 10))).isZero();
		int expected = 0;
		for (YearMonth m = YearMonth.of(2023, 11); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
			expected += generator.casesIn(m);
		}
		assertThat(cases).hasSize(expected);
		assertThat(cases).extracting(CaseInput::medicalRecordNo).doesNotHaveDuplicates();
	}

	@Test
	void patientsHaveValidIdNumbersMatchingSexAndBirthDate() {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		for (CaseInput c : generator(3).generate()) {
			String id = c.patient().idNumber();
			int sum = 0;
			for (int k = 0; k < 17; k++) {
				sum += (id.charAt(k) - '0') * weights[k];
			}
			assertThat(id.charAt(17)).isEqualTo("10X98765432".charAt(sum % 11));
			assertThat(id.substring(6, 14)).isEqualTo(c.patient().birthDate().toString().replace("-", ""));
			assertThat((id.charAt(16) - '0') % 2 == 1).isEqualTo("M".equals(c.patient().sex()));
		}
	}

	@Test
	void fieldsFollowTheProcedureCode() {
		for (CaseInput c : generator(5).generate()) {
			String code = c.procedureCodes().get(0);
			CaseForms.CodeName listed = CODES.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
			assertThat(c.subTechnique()).isEqualTo(listed.subTechnique());
			assertThat(c.fields().get("organ")).isEqualTo(DemoCaseGenerator.organ(code));
			if (code.startsWith("06.31")) {
				assertThat(c.fields()).containsEntry("preOpPathology", Boolean.TRUE)
					.containsKey("thyroidLargestDiameterMm");
			}
			if (code.startsWith("52.21")) {
				assertThat(c.route()).isEqualTo("LAPAROSCOPIC");
			}
			assertThat((Integer) c.fields().get("lesionsCompleted"))
				.isLessThanOrEqualTo((Integer) c.fields().get("lesionsPlanned"));
		}
	}

	static DemoCaseGenerator generator(String technology, DemoCaseGenerator.Quality quality, long seed) {
		UUID a = new UUID(0, 1);
		UUID b = new UUID(0, 2);
		List<CaseForms.CodeName> codes = technology.equals("G10")
				? List.of(new CaseForms.CodeName("17.4100", "机器人辅助操作", null),
						new CaseForms.CodeName("17.4200", "腹腔镜机器人辅助操作", null),
						new CaseForms.CodeName("17.4500", "胸腔镜机器人辅助操作", null))
				: CODES;
		return new DemoCaseGenerator(new DemoCaseGenerator.Plan("T", new UUID(1, 1), technology, List.of(a, b),
				List.of(a, b, new UUID(0, 3)), List.of("肿瘤科"), List.of("220104", "220581"), 60, 40, seed, quality),
				TODAY, (t, day) -> codes);
	}

	@Test
	void ablationsCarryTheFourIndicationCriteriaAndFailEachNowAndThen() {
		List<CaseInput> cases = generator("G08", new DemoCaseGenerator.Quality(200, 10, 85, 8, 90, 80, 20.0), 11)
			.generate();
		assertThat(cases).allSatisfy(
				c -> assertThat(c.fields()).containsKeys("ptaPercent", "organFunctionImpaired", "ecog", "asaClass"));
		java.util.function.Predicate<CaseInput> lowPta = c -> ((java.math.BigDecimal) c.fields().get("ptaPercent"))
			.compareTo(java.math.BigDecimal.valueOf(50)) <= 0;
		java.util.function.Predicate<CaseInput> impaired = c -> Boolean.TRUE
			.equals(c.fields().get("organFunctionImpaired"));
		java.util.function.Predicate<CaseInput> ecog = c -> ((Integer) c.fields().get("ecog")) >= 2;
		java.util.function.Predicate<CaseInput> asa = c -> "IV".equals(c.fields().get("asaClass"));
		for (var criterion : List.of(lowPta, impaired, ecog, asa)) {
			assertThat(cases).anyMatch(criterion);
		}
		// at most one criterion fails per case, and most cases meet all four
		assertThat(cases)
			.allSatisfy(c -> assertThat(List.of(lowPta, impaired, ecog, asa).stream().filter(p -> p.test(c)).count())
				.isLessThanOrEqualTo(1));
		long indicated = cases.stream().filter(lowPta.or(impaired).or(ecog).or(asa).negate()).count();
		assertThat(indicated).isBetween(cases.size() * 70L / 100, cases.size() * 90L / 100);
		// liver with impaired organ function is Child-Pugh C
		assertThat(cases).filteredOn(impaired)
			.filteredOn(c -> "LIVER".equals(c.fields().get("organ")))
			.allSatisfy(c -> assertThat(c.fields()).containsEntry("childPugh", "C"));
	}

	@Test
	void complicationsAreTypedFromTheFormAndSeriousWhenGradeIvOrV() {
		java.util.Set<String> g08Types = java.util.Set.of("MAJOR_BLEEDING", "SEVERE_PNEUMOTHORAX",
				"ADJACENT_ORGAN_INJURY", "SEVERE_INFECTION", "OTHER");
		List<cn.rtms.cases.Complication> all = generator("G08",
				new DemoCaseGenerator.Quality(40, 3, 94, 30, 90, 80, 20.0), 12)
			.generate()
			.stream()
			.flatMap(c -> c.complications().stream())
			.toList();
		assertThat(all).hasSizeGreaterThan(100).allSatisfy(x -> {
			assertThat(g08Types).contains(x.type());
			assertThat(x.serious()).isNotNull();
			assertThat(x.onsetDate()).isBeforeOrEqualTo(TODAY);
			if ("IV".equals(x.grade()) || "V".equals(x.grade())) {
				assertThat(x.serious()).isTrue();
			}
		});
		assertThat(all).anyMatch(x -> x.serious() && !"OTHER".equals(x.type())).anyMatch(x -> !x.serious());
	}

	@Test
	void roboticCasesHaveSeveralProcedureTypesAndOperativeTimesAndSeedCasesTheirDoseVerification() {
		List<CaseInput> robotic = generator("G10", DemoCaseGenerator.Quality.STANDARD, 13).generate();
		java.util.Map<Object, Double> minutes = robotic.stream()
			.collect(java.util.stream.Collectors.groupingBy(c -> c.fields().get("procedureType"),
					java.util.stream.Collectors.averagingInt(c -> (Integer) c.fields().get("operativeTimeMinutes"))));
		assertThat(minutes).hasSizeGreaterThanOrEqualTo(4);
		assertThat(java.util.Collections.max(minutes.values()) - java.util.Collections.min(minutes.values()))
			.isGreaterThan(50);
		assertThat(robotic).allSatisfy(c -> {
			assertThat(c.procedureCodes()).singleElement().asString().startsWith("17.4");
			assertThat(c.fields()).containsKeys("specialty", "conversion", "majorComplicationType");
			assertThat(c.dischargeDate()).isAfterOrEqualTo(c.operationDate());
		});
		List<CaseInput> seeds = generator("G07", new DemoCaseGenerator.Quality(40, 3, 94, 4, 76, 82, 19.0), 14)
			.generate();
		double verified = seeds.stream()
			.filter(c -> Boolean.TRUE.equals(c.fields().get("postOpDoseVerification")))
			.count() / (double) seeds.size();
		assertThat(verified).isBetween(0.70, 0.82);
	}

	@Test
	void devicesCarryGs1BarcodesWithValidCheckDigitsAndUniqueSerials() {
		Set<String> serials = new HashSet<>();
		int devices = 0;
		for (CaseInput c : generator(9).generate()) {
			for (var device : c.devices()) {
				devices++;
				String scanned = device.scanned();
				assertThat(scanned).startsWith("01").contains("<GS>21");
				String gtin = scanned.substring(2, 16);
				assertThat(DemoCaseGenerator.gs1CheckDigit(gtin.substring(0, 13))).isEqualTo(gtin.charAt(13) - '0');
				LocalDate expiry = LocalDate.parse("20" + scanned.substring(18, 20) + "-" + scanned.substring(20, 22)
						+ "-" + scanned.substring(22, 24));
				assertThat(expiry).isAfter(c.operationDate());
				assertThat(serials.add(scanned.substring(scanned.indexOf("<GS>21") + 6))).isTrue();
			}
		}
		assertThat(devices).isPositive();
		// the GS1 general specification's example GTIN 0950600013435 → check digit 2
		assertThat(DemoCaseGenerator.gs1CheckDigit("0950600013435")).isEqualTo(2);
		DemoCaseGenerator generator = generator(9);
		assertThat(generator.device("RFA", TODAY.minusDays(30), true).scanned())
			.contains("17" + TODAY.minusDays(42).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")));
	}

}
