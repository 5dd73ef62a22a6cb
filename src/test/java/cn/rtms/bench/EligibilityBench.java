package cn.rtms.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.rtms.Application;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityManagement.SweepResult;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.Title;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The eligibility benchmark ({@code ./rtms bench [institutions] [people] [rounds]}):
 * generates a province into a fresh embedded PostgreSQL, then measures (1) loading every
 * institution and person as engine facts against a baseline of reading the same rows raw
 * over JDBC, and (2) evaluating every institution × technology in force and every staff
 * member × technology in force against a baseline of a hand-written single check
 * (attending tenure) over the same facts. Reported as absolute figures and as ratios to
 * the baselines measured in the same run.
 */
public final class EligibilityBench {

	private EligibilityBench() {
	}

	public static void main(String[] args) {
		int institutions = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int people = args.length > 1 ? Integer.parseInt(args[1]) : 50000;
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		SpringApplication application = new SpringApplication(Application.class);
		application.setDefaultProperties(Map.of("spring.main.web-application-type", "none",
				"rtms.database.embedded.data-dir", "target/bench-pg", "rtms.database.embedded.clean", "true",
				"rtms.demo-data.enabled", "false", "logging.level.root", "WARN"));
		try (ConfigurableApplicationContext context = application.run()) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			context.getBean(InstitutionManagement.class).loadRegions();
			long t0 = System.nanoTime();
			new ProvinceGenerator(jdbc, 20261122L).generate(institutions, people);
			System.out.printf("生成数据：%d 家医疗机构，%d 名人员，用时 %.2f s%n", institutions, people, seconds(t0));
			jdbc.execute("vacuum analyze");
			EligibilityManagement eligibility = context.getBean(EligibilityManagement.class);
			LocalDate asOf = LocalDate.of(2026, 11, 22);
			for (int round = 1; round <= rounds; round++) {
				long b0 = System.nanoTime();
				long rawRows = rawScan(jdbc);
				double rawSeconds = seconds(b0);

				long l0 = System.nanoTime();
				List<InstitutionFacts> facts = eligibility.loadAllFacts();
				double loadSeconds = seconds(l0);

				long c0 = System.nanoTime();
				long checks = baselineCheck(facts, asOf);
				double baselineSeconds = seconds(c0);

				long e0 = System.nanoTime();
				SweepResult result = eligibility.sweep(facts, asOf);
				double engineSeconds = seconds(e0);

				double perEval = engineSeconds / result.evaluations();
				double perCheck = baselineSeconds / Math.max(1, checks);
				System.out.printf("第 %d 轮：%n", round);
				System.out.printf("  加载事实：%.3f s（基线：原始 JDBC 读取 %d 行 %.3f s，比值 %.1f×）%n", loadSeconds, rawRows,
						rawSeconds, loadSeconds / rawSeconds);
				System.out.printf("  引擎评估：%d 次，%.3f s，%.0f 次/秒（基线：单条任职年限手写检查 %d 次 %.3f s，单次耗时比值 %.1f×）%n",
						result.evaluations(), engineSeconds, result.evaluations() / engineSeconds, checks,
						baselineSeconds, perEval / perCheck);
				System.out.printf("  全量（加载 + 评估）：%.3f s（目标 < 2 s）%n", loadSeconds + engineSeconds);
				System.out.println("  结论分布：" + result.counts());
			}
		}
	}

	private static long rawScan(JdbcTemplate jdbc) {
		long[] rows = { 0 };
		jdbc.query("select * from institutions.institution", rs -> {
			rows[0]++;
		});
		jdbc.query("select * from personnel.person", rs -> {
			rows[0]++;
		});
		return rows[0];
	}

	private static long baselineCheck(List<InstitutionFacts> facts, LocalDate asOf) {
		long checks = 0;
		long qualified = 0;
		LocalDate threshold = asOf.minusYears(5);
		for (InstitutionFacts institution : facts) {
			for (PersonFacts person : institution.staff()) {
				checks++;
				if (person.titles() != null && person.titles()
					.stream()
					.anyMatch(t -> t.title().compareTo(Title.ATTENDING) >= 0 && !t.since().isAfter(threshold))) {
					qualified++;
				}
			}
		}
		return qualified >= 0 ? checks : 0;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
