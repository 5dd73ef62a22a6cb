package cn.rtms.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import cn.rtms.identity.UserManagement;
import cn.rtms.personnel.PersonSummary;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.personnel.StaffRole;
import cn.rtms.training.base.TrainingBaseManagement;
import cn.rtms.training.base.TrainingBaseView;
import cn.rtms.training.trainee.TraineeFiles;
import cn.rtms.training.trainee.TraineeModel.CaseEntryInput;
import cn.rtms.training.trainee.TraineeModel.CaseRole;
import cn.rtms.training.trainee.TraineeModel.Conclusion;
import cn.rtms.training.trainee.TraineeModel.ConclusionInput;
import cn.rtms.training.trainee.TraineeModel.Enrolment;
import cn.rtms.training.trainee.TraineeModel.ExamInput;
import cn.rtms.training.trainee.TraineeModel.ExamKind;
import cn.rtms.training.trainee.TraineeModel.FileEdit;
import cn.rtms.training.trainee.TraineeModel.FileView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo training base with its trainees (docs/training.md "Demo data"), built once on a
 * platform without a G08 base at 吉林省松江肿瘤医院, entirely through the training use cases by
 * the demo accounts:
 * <ol>
 * <li>songjiang-base applies for G08 (肿瘤消融治疗技术) with the five instructors the demo
 * institution file describes (高志远, 林雪梅, 韩东, 秦晓光, 马丽娜; instructors since 2025-01-01) and
 * submits; province assigns expert1, expert1 recommends filing, province files it
 * today;</li>
 * <li>ccszx-clerk enrols 赵雨桐 (长春市中心医院) for the training she did at 松江 from 2025-03-01 to
 * 2025-09-30 (the one her person record lists); the base logs her 40 cases (28
 * independent under supervision, 28 managed through the whole course), 56 theory hours,
 * passed exams, and concludes 合格 — her certificate can be printed;</li>
 * <li>jiangcheng-clerk enrols 冯磊 (吉林市江城医院, whose earlier 4-month training fell short) for
 * a new six-month training that started four months ago; the base has logged some of his
 * cases and a theory exam — in progress, the verdict 不符合 for now.</li>
 * </ol>
 * Switched by {@code rtms.demo-data.training} (on by default, off in the test suite
 * except where a test turns it on).
 */
@Component
@Order(22)
@ConditionalOnProperty(name = { "rtms.demo-data.enabled", "rtms.demo-data.training" }, havingValue = "true")
class DemoTraining implements ApplicationRunner {

	static final String TECHNOLOGY = "G08";

	static final List<String> INSTRUCTORS = List.of("高志远", "林雪梅", "韩东", "秦晓光", "马丽娜");

	static final LocalDate INSTRUCTORS_SINCE = LocalDate.of(2025, 1, 1);

	private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);

	private final UserManagement users;

	private final TrainingBaseManagement bases;

	private final TraineeFiles files;

	private final PersonnelManagement people;

	private final Clock clock;

	private final TransactionTemplate writing;

	DemoTraining(UserManagement users, TrainingBaseManagement bases, TraineeFiles files, PersonnelManagement people,
			Clock clock, PlatformTransactionManager transactions) {
		this.users = users;
		this.bases = bases;
		this.files = files;
		this.people = people;
		this.clock = clock;
		// actingAs runs in UserManagement's read-only transaction: write in a new one
		this.writing = new TransactionTemplate(transactions);
		this.writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.users.exists("songjiang-base") || !this.users.exists("expert1")) {
			return;
		}
		try {
			boolean exists = as("songjiang-base", () -> !this.bases.list(TECHNOLOGY, null, false).isEmpty());
			if (exists) {
				log.info("吉林省松江肿瘤医院已有 G08 培训基地，跳过演示培训数据");
				return;
			}
			build(LocalDate.now(this.clock));
			log.info("演示数据：吉林省松江肿瘤医院 G08 培训基地已备案（5 名指导医师），学员 赵雨桐（已结业合格）、冯磊（培训中）");
		}
		catch (RuntimeException ex) {
			// demo rows are a convenience: the application starts without them
			log.warn("演示培训数据无法建立：{}", ex.getMessage(), ex);
		}
	}

	private void build(LocalDate today) {
		UUID base = as("songjiang-base", () -> {
			TrainingBaseView draft = this.bases.create(TECHNOLOGY);
			for (String name : INSTRUCTORS) {
				draft = this.bases.addInstructor(draft.id(), null, person(name), INSTRUCTORS_SINCE);
			}
			return this.bases.submit(draft.id(), null, "申请 G08 肿瘤消融治疗技术培训基地备案，指导医师 5 名").id();
		});
		UUID expert = as("province",
				() -> this.users.experts()
					.stream()
					.filter(e -> e.username().equals("expert1"))
					.findFirst()
					.orElseThrow()
					.id());
		as("province", () -> this.bases.startReview(base, null, List.of(expert)));
		as("expert1", () -> this.bases.expertOpinion(base, null, "FILE", "病例数量、指导医师资质与带教条件符合规范，建议予以备案"));
		as("province", () -> this.bases.file(base, null, "经专家评审，予以备案"));

		List<UUID> instructors = as("songjiang-base", () -> INSTRUCTORS.stream().map(this::person).toList());
		completed(base, instructors);
		inProgress(base, instructors, today);
	}

	/** 赵雨桐: 2025-03-01 to 2025-09-30, as in her person record; concluded 合格. */
	private void completed(UUID base, List<UUID> instructors) {
		LocalDate start = LocalDate.of(2025, 3, 1);
		LocalDate end = LocalDate.of(2025, 9, 30);
		UUID file = as("ccszx-clerk", () -> this.files.enrol(new Enrolment(person("赵雨桐"), base, start, end)).id());
		as("songjiang-base", () -> {
			FileView view = this.files.get(file);
			this.files.update(file, new FileEdit(start, end, 56, view.version()));
			logCases(file, instructors, start, CaseRole.SUPERVISED, 28);
			logCases(file, instructors, start.plusDays(3), CaseRole.FULL_COURSE, 28);
			logCases(file, instructors, start.plusDays(5), CaseRole.PARTICIPATED, 12);
			this.files.recordExam(file, new ExamInput(ExamKind.THEORY, new BigDecimal("88.0"), end.minusDays(4)));
			this.files.recordExam(file, new ExamInput(ExamKind.SKILLS, new BigDecimal("85.5"), end.minusDays(2)));
			return this.files.conclude(file, new ConclusionInput(Conclusion.PASSED, "理论与技能考核合格，准予结业"));
		});
	}

	/** 冯磊: a six-month training that started four months ago, some cases logged. */
	private void inProgress(UUID base, List<UUID> instructors, LocalDate today) {
		LocalDate start = today.minusMonths(4);
		LocalDate end = start.plusMonths(6);
		UUID file = as("jiangcheng-clerk", () -> this.files.enrol(new Enrolment(person("冯磊"), base, start, end)).id());
		as("songjiang-base", () -> {
			FileView view = this.files.get(file);
			this.files.update(file, new FileEdit(start, end, 32, view.version()));
			logCases(file, instructors, start.plusDays(7), CaseRole.PARTICIPATED, 4);
			logCases(file, instructors, start.plusDays(20), CaseRole.SUPERVISED, 9);
			logCases(file, instructors, start.plusDays(30), CaseRole.FULL_COURSE, 7);
			return this.files.recordExam(file,
					new ExamInput(ExamKind.THEORY, new BigDecimal("82.0"), today.minusMonths(1)));
		});
	}

	/** {@code n} cases, one every four days from {@code from}, instructors in turn. */
	private void logCases(UUID file, List<UUID> instructors, LocalDate from, CaseRole role, int n) {
		for (int i = 0; i < n; i++) {
			this.files.logCase(file, new CaseEntryInput(from.plusDays(4L * i), role,
					instructors.get(i % instructors.size()), null, null));
		}
	}

	/** A physician visible to the acting account, by name. */
	private UUID person(String name) {
		List<PersonSummary> found = this.people.search(null, name, StaffRole.PHYSICIAN);
		return found.stream()
			.filter(p -> p.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("演示人员 " + name + " 不存在"))
			.id();
	}

	private <T> T as(String username, Supplier<T> task) {
		return this.users.actingAs(username, () -> this.writing.execute(status -> task.get()));
	}

}
