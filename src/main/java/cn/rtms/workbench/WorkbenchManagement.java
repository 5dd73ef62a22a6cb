package cn.rtms.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.rtms.authorization.AuthorizationManagement;
import cn.rtms.authorization.ReminderManagement;
import cn.rtms.authorization.Reminders;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.CaseManagement.FlaggedCases;
import cn.rtms.cases.followup.FollowUpCounts;
import cn.rtms.cases.followup.FollowUpManagement;
import cn.rtms.filing.FilingStatistics;
import cn.rtms.filing.FilingStatistics.Count;
import cn.rtms.filing.FilingStatistics.InboxDeadline;
import cn.rtms.filing.FilingStatistics.RegionStatistics;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityMatrix;
import cn.rtms.supervision.SupervisionManagement;
import cn.rtms.training.base.TrainingBaseManagement;
import cn.rtms.training.base.TrainingBaseSummary;
import cn.rtms.training.trainee.TraineeFiles;
import cn.rtms.training.trainee.TraineeModel.Workload;
import cn.rtms.workbench.Workbench.Eligibility;
import cn.rtms.workbench.Workbench.Inbox;
import cn.rtms.workbench.Workbench.Link;
import cn.rtms.workbench.Workbench.OwnAuthorization;
import cn.rtms.workbench.Workbench.Review;
import cn.rtms.workbench.Workbench.Statistics;
import cn.rtms.workbench.Workbench.Todo;
import cn.rtms.workbench.Workbench.Verdict;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the current user's home page from the other modules' public query methods, in
 * the scope of the session's user (there is no parameter that could widen it): hospital
 * users get their to-dos, authorities their inbox and region statistics, experts their
 * pending reviews, physicians their authorizations and eligibility, training-base
 * administrators their bases and trainees (docs/workbench.md).
 */
@Service
@Transactional(readOnly = true)
public class WorkbenchManagement {

	/** Short names of the blocking case flags (docs/cases.md), for the to-do's hint. */
	private static final Map<String, String> FLAG_LABELS = Map.of("UNFILED", "未备案开展", "UNAUTHORIZED", "未授权",
			"OUT_OF_SCOPE", "超范围", "NO_CONSENT", "未记录知情同意", "NO_PREOP_PATHOLOGY", "无术前病理", "DEVICE_EXPIRED", "使用过期器械");

	private static final String DANGER = "danger";

	/** How far ahead the training-base administrator's "ending soon" looks. */
	private static final int TRAINEE_DAYS = 30;

	private static final String WARNING = "warning";

	private static final String INFO = "info";

	private final IdentityManagement identity;

	private final FilingStatistics filings;

	private final ReminderManagement reminders;

	private final AuthorizationManagement authorizations;

	private final CaseManagement cases;

	private final FollowUpManagement followUps;

	private final EligibilityManagement eligibility;

	private final InstitutionManagement institutions;

	private final Clock clock;

	private final int expiryDays;

	private final SupervisionManagement supervision;

	private final TrainingBaseManagement trainingBases;

	private final TraineeFiles trainees;

	WorkbenchManagement(IdentityManagement identity, FilingStatistics filings, ReminderManagement reminders,
			AuthorizationManagement authorizations, CaseManagement cases, FollowUpManagement followUps,
			EligibilityManagement eligibility, InstitutionManagement institutions, Clock clock,
			@Value("${rtms.workbench.expiry-days:90}") int expiryDays, SupervisionManagement supervision,
			TrainingBaseManagement trainingBases, TraineeFiles trainees) {
		this.supervision = supervision;
		this.trainingBases = trainingBases;
		this.trainees = trainees;
		this.identity = identity;
		this.filings = filings;
		this.reminders = reminders;
		this.authorizations = authorizations;
		this.cases = cases;
		this.followUps = followUps;
		this.eligibility = eligibility;
		this.institutions = institutions;
		this.clock = clock;
		this.expiryDays = expiryDays;
	}

	/**
	 * @return the current user's home page
	 */
	public Workbench current() {
		CurrentUser user = this.identity.currentUser();
		LocalDate today = LocalDate.now(this.clock);
		String role = user.role().name();
		String roleLabel = user.role().label();
		return switch (user.role()) {
			case HOSPITAL_CLERK, HOSPITAL_ADMIN -> new Workbench(role, roleLabel, institutionName(user), today,
					hospitalTodos(user), null, null, null, null, null);
			case COUNTY_AUTHORITY, CITY_AUTHORITY, PROVINCE_AUTHORITY -> {
				List<InboxDeadline> items = this.filings.inboxDeadlines();
				yield new Workbench(role, roleLabel, regionName(user), today, authorityTodos(items), inbox(items),
						statistics(), null, null, null);
			}
			case EXPERT -> {
				List<Review> reviews = reviews();
				yield new Workbench(role, roleLabel, null, today, expertTodos(reviews), null, null, reviews, null,
						null);
			}
			case PHYSICIAN -> new Workbench(role, roleLabel, institutionName(user), today, physicianTodos(), null, null,
					null, ownAuthorizations(), physicianEligibility(user));
			case SYSTEM_ADMIN ->
				new Workbench(role, roleLabel, "全部地区", today, List.of(), null, statistics(), null, null, null);
			case TRAINING_BASE_ADMIN -> new Workbench(role, roleLabel, institutionName(user), today, trainingTodos(),
					null, null, null, null, null);
		};
	}

	private List<Todo> hospitalTodos(CurrentUser user) {
		List<Todo> todos = new ArrayList<>();
		Map<String, Long> states = this.filings.ownInstitutionByState();
		todos.add(new Todo("DRAFT_FILINGS", "草稿备案", states.getOrDefault("DRAFT", 0L), INFO, "尚未自评的备案草稿",
				Link.to("/filings", "state", "DRAFT")));
		todos.add(new Todo("SELF_ASSESSED_FILINGS", "已自评待提交", states.getOrDefault("SELF_ASSESSED", 0L), WARNING,
				"已完成自评、尚未提交的备案", Link.to("/filings", "state", "SELF_ASSESSED")));
		todos.add(new Todo("RETURNED_FILINGS", "退回补充", states.getOrDefault("RETURNED_FOR_SUPPLEMENT", 0L), DANGER,
				"被退回、需补充材料后重新提交的备案", Link.to("/filings", "state", "RETURNED_FOR_SUPPLEMENT")));
		UUID institutionId = user.institutionId();
		if (institutionId != null) {
			EligibilityMatrix matrix = this.eligibility.institutionMatrix(institutionId, null);
			long clauses = 0;
			long technologies = 0;
			for (EligibilityMatrix.Row row : matrix.rows()) {
				int n = row.counts().getOrDefault("NEEDS_ATTESTATION", 0);
				if (n > 0) {
					clauses += n;
					technologies++;
				}
			}
			todos.add(new Todo("PENDING_CLAUSES", "待确认条款", clauses, WARNING,
					technologies + " 项技术共 " + clauses + " 条条款需本机构自评承诺",
					// the institution's 限制类技术符合性 tab: the clause counts per technology
					Link.to("/institutions/" + institutionId, "tab", "eligibility")));
		}
		todos.addAll(expiryTodos(true));
		todos.addAll(caseTodos());
		todos.add(alertTodo("本机构待确认的监管预警"));
		return todos;
	}

	/**
	 * A training-base administrator's to-dos: applications to finish or correct, bases
	 * the province's re-check proposes to revoke, trainees whose period ended without the
	 * base's conclusion or ends within 30 days, and those in training.
	 */
	private List<Todo> trainingTodos() {
		List<TrainingBaseSummary> bases = this.trainingBases.list(null, null, false);
		long drafts = bases.stream().filter(b -> "DRAFT".equals(b.status())).count();
		long returned = bases.stream().filter(b -> "RETURNED".equals(b.status())).count();
		long filed = bases.stream().filter(b -> "FILED".equals(b.status())).count();
		long proposed = bases.stream().filter(TrainingBaseSummary::revocationProposed).count();
		Workload work = this.trainees.workload(TRAINEE_DAYS);
		String days = String.valueOf(work.days());
		return List.of(
				new Todo("RETURNED_TRAINING_BASES", "退回修改的基地申请", returned, DANGER, "省级卫生健康行政部门退回、需修改后重新提交的培训基地申请",
						Link.to("/training/bases", "status", "RETURNED")),
				new Todo("DRAFT_TRAINING_BASES", "未提交的基地申请", drafts, WARNING, "尚未提交省级卫生健康行政部门的培训基地申请",
						Link.to("/training/bases", "status", "DRAFT")),
				new Todo("TRAINING_BASE_REVOCATIONS", "撤销建议", proposed, DANGER, "复核发现不再符合培训基地条件、已提出撤销建议的基地",
						Link.to("/training/bases", "proposals", "true")),
				new Todo("FILED_TRAINING_BASES", "已备案培训基地", filed, INFO, "本机构已备案、可招收学员的培训基地",
						Link.to("/training/bases", "status", "FILED")),
				new Todo("TRAINEES_PERIOD_ENDED", "期满待结业", work.periodEnded(), DANGER, "培训期已结束、尚未作出考核结论的学员",
						Link.to("/trainees", "progress", "PERIOD_ENDED")),
				new Todo("TRAINEES_ENDING_SOON", "即将期满", work.endingSoon(), WARNING, "培训期 " + days + " 天内结束的学员",
						Link.to("/trainees", "progress", "ENDING_SOON")),
				new Todo("TRAINEES_OPEN", "在培学员", work.open(), INFO, "本机构培训基地尚未结业的学员",
						Link.to("/trainees", "progress", "OPEN")));
	}

	private List<Todo> expiryTodos(boolean licencesToo) {
		Reminders upcoming = this.reminders.upcoming(this.expiryDays);
		long licences = 0;
		long authorizations = 0;
		for (Reminders.Bucket bucket : upcoming.buckets()) {
			for (Reminders.Item item : bucket.items()) {
				if ("AUTHORIZATION".equals(item.kind())) {
					authorizations++;
				}
				else {
					licences++;
				}
			}
		}
		String days = String.valueOf(this.expiryDays);
		List<Todo> todos = new ArrayList<>();
		if (licencesToo) {
			todos.add(new Todo("EXPIRING_LICENCES", "许可证即将到期", licences, WARNING, "执业许可证及其他许可证 " + days + " 天内到期",
					new Link("/reminders", Map.of("days", days, "kind", "LICENCES"))));
		}
		todos.add(new Todo("EXPIRING_AUTHORIZATIONS", "授权即将到期", authorizations, WARNING, "手术授权 " + days + " 天内到期",
				new Link("/reminders", Map.of("days", days, "kind", "AUTHORIZATION"))));
		return todos;
	}

	private List<Todo> caseTodos() {
		FollowUpCounts counts = this.followUps.counts();
		FlaggedCases flagged = this.cases.flaggedCases();
		String breakdown = flagged.byFlag()
			.entrySet()
			.stream()
			.map(e -> FLAG_LABELS.getOrDefault(e.getKey(), "其他问题") + " " + e.getValue())
			.collect(Collectors.joining("、"));
		return List.of(
				new Todo("DRAFT_CASES", "病例草稿", this.cases.draftCount(), WARNING, "已保存、尚未提交的病例（提交后才上报并计入统计）",
						Link.to("/cases", "status", "DRAFT")),
				new Todo("OVERDUE_FOLLOW_UPS", "逾期随访", counts.overdue(), DANGER, "已过随访日期、尚未记录的随访",
						Link.to("/follow-ups", "status", "OVERDUE")),
				new Todo("DUE_FOLLOW_UPS", "待随访", counts.due(), WARNING, "30 天内到期的随访",
						Link.to("/follow-ups", "status", "DUE")),
				new Todo("FLAGGED_CASES", "问题病例", flagged.total(), DANGER,
						breakdown.isEmpty() ? "已提交病例中没有问题标记" : breakdown,
						new Link("/cases", Map.of("status", "SUBMITTED", "flag", "BLOCKING"))));
	}

	/**
	 * The open supervision alerts of the user's scope (not yet acknowledged by the user's
	 * side).
	 */
	private Todo alertTodo(String hint) {
		return new Todo("OPEN_ALERTS", "监管预警", this.supervision.counts().open(), DANGER, hint,
				Link.to("/alerts", "status", "OPEN"));
	}

	private List<Todo> authorityTodos(List<InboxDeadline> items) {
		long overdue = items.stream().filter(InboxDeadline::overdue).count();
		List<Todo> todos = new ArrayList<>();
		todos.add(new Todo("INBOX", "待办备案", items.size(), INFO, "需要本级办理的备案事项", Link.to("/inbox")));
		todos.add(
				new Todo("OVERDUE_INBOX", "逾期待办", overdue, DANGER, "已超过办理时限的事项", Link.to("/inbox", "overdue", "true")));
		FlaggedCases flagged = this.cases.flaggedCases();
		todos.add(new Todo("FLAGGED_CASES", "问题病例", flagged.total(), DANGER, "辖区内已提交病例中带问题标记的病例",
				new Link("/cases", Map.of("status", "SUBMITTED", "flag", "BLOCKING"))));
		todos.add(alertTodo("辖区内医疗机构待本级确认的监管预警"));
		return todos;
	}

	private Inbox inbox(List<InboxDeadline> items) {
		Map<String, Count> byAction = new LinkedHashMap<>();
		for (InboxDeadline item : items) {
			byAction.merge(item.action(), new Count(item.action(), item.actionLabel(), 1),
					(a, b) -> new Count(a.code(), a.label(), a.count() + b.count()));
		}
		long[] buckets = new long[5];
		for (InboxDeadline item : items) {
			buckets[bucket(item)]++;
		}
		String[][] labels = { { "OVERDUE", "已逾期" }, { "DUE_3", "3 个工作日内到期" }, { "DUE_10", "4–10 个工作日内到期" },
				{ "LATER", "10 个工作日以后到期" }, { "NO_LIMIT", "无办理时限" } };
		List<Count> byDeadline = new ArrayList<>();
		for (int i = 0; i < labels.length; i++) {
			byDeadline.add(new Count(labels[i][0], labels[i][1], buckets[i]));
		}
		return new Inbox(items.size(), buckets[0], List.copyOf(byAction.values()), byDeadline, Link.to("/inbox"));
	}

	/**
	 * @return 0 overdue, 1 within 3 working days, 2 within 10, 3 later, 4 no time limit
	 */
	static int bucket(InboxDeadline item) {
		if (item.overdue()) {
			return 0;
		}
		Integer left = item.workingDaysLeft();
		if (left == null) {
			return 4;
		}
		return left <= 3 ? 1 : left <= 10 ? 2 : 3;
	}

	private Statistics statistics() {
		RegionStatistics s = this.filings.region();
		return new Statistics(s.regionCode(), s.regionName(), s.total(), s.byState(), s.byTechnology(), s.byDistrict());
	}

	private List<Review> reviews() {
		return this.filings.inboxDeadlines()
			.stream()
			.filter(i -> "EXPERT_OPINION".equals(i.action()))
			.map(i -> new Review(i.filingId(), i.institutionName(), i.technology(), i.technologyName(), i.dueOn(),
					i.workingDaysLeft(), i.overdue()))
			.toList();
	}

	private static List<Todo> expertTodos(List<Review> reviews) {
		long overdue = reviews.stream().filter(Review::overdue).count();
		return List.of(
				new Todo("PENDING_REVIEWS", "待提交审查意见", reviews.size(), WARNING, "指派给本人、尚未提交意见的备案", Link.to("/inbox")),
				new Todo("OVERDUE_REVIEWS", "逾期审查", overdue, DANGER, "已超过审查时限的备案", Link.to("/inbox")));
	}

	private List<Todo> physicianTodos() {
		List<Todo> todos = new ArrayList<>(expiryTodos(false));
		FollowUpCounts counts = this.followUps.counts();
		todos.add(new Todo("OVERDUE_FOLLOW_UPS", "逾期随访", counts.overdue(), DANGER, "本人主刀病例中已过随访日期的随访",
				Link.to("/follow-ups", "status", "OVERDUE")));
		return todos;
	}

	private List<OwnAuthorization> ownAuthorizations() {
		return this.authorizations.search(null, null, null, null, false)
			.stream()
			.map(a -> new OwnAuthorization(a.id(), a.technology(), a.technologyName(), a.status(), a.statusLabel(),
					a.effective(), a.validFrom(), a.validUntil(), a.validityLabel()))
			.toList();
	}

	private @Nullable Eligibility physicianEligibility(CurrentUser user) {
		UUID personId = user.personId();
		if (personId == null) {
			return null;
		}
		EligibilityMatrix matrix = this.eligibility.personMatrix(personId, null);
		Map<String, Count> byStatus = new LinkedHashMap<>();
		List<Verdict> rows = new ArrayList<>();
		for (EligibilityMatrix.Row row : matrix.rows()) {
			if (row.specKey() == null) {
				continue;
			}
			rows.add(new Verdict(row.technology(), row.technologyName(), row.status(), row.statusLabel()));
			byStatus.merge(row.status(), new Count(row.status(), row.statusLabel(), 1),
					(a, b) -> new Count(a.code(), a.label(), a.count() + b.count()));
		}
		return new Eligibility(personId, List.copyOf(byStatus.values()), rows);
	}

	private @Nullable String institutionName(CurrentUser user) {
		return user.institutionId() == null ? null : this.institutions.nameOf(user.institutionId());
	}

	private @Nullable String regionName(CurrentUser user) {
		return user.regionCode() == null ? null : this.institutions.regionName(user.regionCode());
	}

}
