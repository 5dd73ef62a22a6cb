package cn.rtms.notifications;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.rtms.filing.FilingQueries;
import cn.rtms.filing.FilingStateChanged;
import cn.rtms.filing.FilingView;
import cn.rtms.filing.RevocationProposed;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.identity.UserManagement;
import cn.rtms.notifications.Notifications.Message;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the filing module's events into messages (docs/notifications.md). Runs after the
 * filing's transaction committed, synchronously on the publishing thread, in a
 * transaction of its own, as the system user (it reads the filing as it is now, for the
 * names and the authority holding it). The events go through Spring Modulith's JDBC event
 * publication registry: a delivery that throws stays incomplete and is re-delivered; the
 * event key stored with each message makes a re-delivery create no duplicate.
 */
@Component
class FilingNotifications {

	/** Hospital roles told about their own institution's filings. */
	static final Set<Role> HOSPITAL = EnumSet.of(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN);

	/** Authority roles (matched by the exact region code of their jurisdiction). */
	static final Set<Role> AUTHORITY = EnumSet.of(Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY);

	/** Who is told of a step. */
	enum Audience {

		/** the filing institution's clerks and administrators */
		HOSPITAL,
		/** the authority holding the filing after the step (who must act next) */
		HOLDER,
		/** assigned experts who have not given an opinion */
		EXPERTS,
		/** the receiving authority (where a submission went) */
		RECEIVING

	}

	/**
	 * What a step says to one audience.
	 *
	 * @param kind kind code
	 * @param headline title prefix
	 * @param phrase what happened, after "…的「技术」备案"
	 * @param oncePerReviewRound told each recipient once per expert review round,
	 * whichever step tells it (else once per step)
	 */
	record Rule(String kind, String headline, String phrase, boolean oncePerReviewRound) {

		Rule(String kind, String headline, String phrase) {
			this(kind, headline, phrase, false);
		}

	}

	/**
	 * Starting the review and replacing an expert both tell the experts without an
	 * opinion; once per round, so a replacement tells the new expert and not again the
	 * others still at work.
	 */
	static final Rule EXPERT_ASSIGNED = new Rule("EXPERT_ASSIGNED", "评审指派", "已指派您参加专家审查，请提交专家意见", true);

	/** Filing step (FilingStateChanged.action) → audience → message. */
	static final Map<String, Map<Audience, Rule>> RULES = Map.ofEntries(
			Map.entry("SUBMIT", Map.of(Audience.HOLDER, new Rule("FILING_SUBMITTED", "待受理", "已提交至本机关，请及时受理"))),
			Map.entry("WITHDRAW",
					Map.of(Audience.RECEIVING, new Rule("FILING_WITHDRAWN", "提交已撤回", "已由医疗机构撤回提交（尚未受理），无需办理"))),
			Map.entry("EXPERT_OPINION", Map.of(Audience.HOLDER, new Rule("EXPERT_OPINION_GIVEN", "专家意见", "收到评审专家意见"))),
			Map.entry("RECEIVE", Map.of(Audience.HOSPITAL, new Rule("FILING_RECEIVED", "备案已受理", "已被受理"))),
			Map.entry("ESCALATE",
					Map.of(Audience.HOSPITAL, new Rule("FILING_ESCALATED", "备案已逐级上报", "已逐级上报"), Audience.HOLDER,
							new Rule("FILING_ESCALATED_TO_YOU", "待审查", "已逐级上报至本机关，请审查"))),
			Map.entry("START_EXPERT_REVIEW", Map.of(Audience.EXPERTS, EXPERT_ASSIGNED)),
			Map.entry("REPLACE_EXPERT", Map.of(Audience.EXPERTS, EXPERT_ASSIGNED)),
			Map.entry("DECIDE_APPROVED", Map.of(Audience.HOSPITAL, new Rule("FILING_APPROVED", "备案审查通过", "审查通过"))),
			Map.entry("DECIDE_RETURNED_FOR_SUPPLEMENT",
					Map.of(Audience.HOSPITAL, new Rule("FILING_RETURNED", "备案退回补充", "被退回补充材料，请按审查意见补充后重新提交"))),
			Map.entry("DECIDE_REJECTED", Map.of(Audience.HOSPITAL, new Rule("FILING_REJECTED", "不予备案", "经审查不予备案"))),
			Map.entry("ACTIVATE", Map.of(Audience.HOSPITAL, new Rule("FILING_ACTIVATED", "备案有效", "已在执业许可证副本注明，备案有效"))),
			Map.entry("SUSPEND", Map.of(Audience.HOSPITAL, new Rule("FILING_SUSPENDED", "备案已中止", "已被中止"))),
			Map.entry("RESUME", Map.of(Audience.HOSPITAL, new Rule("FILING_RESUMED", "备案已恢复", "已恢复"))),
			Map.entry("REVOKE", Map.of(Audience.HOSPITAL, new Rule("FILING_REVOKED", "备案已撤销", "已被撤销"))));

	private final FilingQueries filings;

	private final UserManagement users;

	private final IdentityManagement identity;

	private final NotificationDelivery notifications;

	FilingNotifications(FilingQueries filings, UserManagement users, IdentityManagement identity,
			NotificationDelivery notifications) {
		this.filings = filings;
		this.users = users;
		this.identity = identity;
		this.notifications = notifications;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(FilingStateChanged event) {
		Map<Audience, Rule> rules = RULES.get(event.action());
		if (rules == null) {
			return;
		}
		FilingView filing = this.identity.asSystem(() -> this.filings.get(event.filingId()));
		String key = "Filing:" + event.filingId() + ":" + event.action() + ":" + event.at().toEpochMilli();
		long round = filing.steps().stream().filter(s -> "START_EXPERT_REVIEW".equals(s.action())).count();
		rules.forEach((audience, rule) -> {
			Message message = message(rule, filing);
			String eventKey = rule.oncePerReviewRound()
					? "Filing:" + event.filingId() + ":" + rule.kind() + ":round-" + round : key;
			for (UUID recipient : recipients(audience, filing)) {
				this.notifications.send(recipient, message, eventKey, event.at());
			}
		});
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(RevocationProposed event) {
		FilingView filing = this.identity.asSystem(() -> this.filings.get(event.filingId()));
		Message message = new Message("REVOCATION_PROPOSED",
				"撤销建议：" + filing.institutionName() + "「" + filing.technologyName() + "」",
				filing.institutionName() + " 的「" + filing.technologyName() + "」备案经系统核查建议撤销：" + event.detail() + "。当前状态："
						+ filing.stateLabel() + "，请审核后撤销或驳回撤销建议。",
				link(filing), "Filing", filing.id());
		String key = "Filing:" + event.filingId() + ":PROPOSE_REVOCATION:" + event.at().toEpochMilli();
		// the receiving authority decides; the authority that approved the filing (its
		// review
		// authority, the province for a national technology) is told as well (谁审批、谁负责)
		Set<UUID> recipients = new java.util.LinkedHashSet<>(
				this.users.recipients(AUTHORITY, null, filing.receivingRegionCode()));
		if (!filing.reviewRegionCode().equals(filing.receivingRegionCode())) {
			recipients.addAll(this.users.recipients(AUTHORITY, null, filing.reviewRegionCode()));
		}
		for (UUID recipient : recipients) {
			this.notifications.send(recipient, message, key, event.at());
		}
	}

	private List<UUID> recipients(Audience audience, FilingView filing) {
		return switch (audience) {
			case HOSPITAL -> this.users.recipients(HOSPITAL, filing.institutionId(), null);
			case HOLDER -> {
				String holder = filing.holderRegionCode();
				yield holder == null ? List.of() : this.users.recipients(AUTHORITY, null, holder);
			}
			case RECEIVING -> this.users.recipients(AUTHORITY, null, filing.receivingRegionCode());
			case EXPERTS -> {
				Set<UUID> experts = new LinkedHashSet<>();
				filing.experts().stream().filter(e -> e.verdict() == null).forEach(e -> experts.add(e.userId()));
				yield List.copyOf(experts);
			}
		};
	}

	static Message message(Rule rule, FilingView filing) {
		String subject = filing.institutionName() + "「" + filing.technologyName() + "」";
		if ("EXPERT_OPINION_GIVEN".equals(rule.kind())) {
			return expertOpinion(rule, filing, subject);
		}
		StringBuilder body = new StringBuilder(filing.institutionName()).append(" 的「")
			.append(filing.technologyName())
			.append("」备案（")
			.append(filing.technologyLevelLabel())
			.append("限制类技术）")
			.append(rule.phrase())
			.append("。当前状态：")
			.append(filing.stateLabel());
		String holder = filing.holderRegionName();
		if (holder != null && !"FILING_SUBMITTED".equals(rule.kind()) && !"FILING_ESCALATED_TO_YOU".equals(rule.kind())
				&& !rule.kind().equals("EXPERT_ASSIGNED")) {
			body.append("，办理机关：").append(holder);
		}
		if (filing.actionDueOn() != null && filing.holderRegionCode() != null) {
			body.append("，办理时限至 ").append(filing.actionDueOn());
		}
		body.append("。");
		return new Message(rule.kind(), rule.headline() + "：" + subject, body.toString(), link(filing), "Filing",
				filing.id());
	}

	/**
	 * Names the expert and the verdict (from the filing's last expert-opinion step) and
	 * says whether every assigned expert has now given an opinion.
	 */
	private static Message expertOpinion(Rule rule, FilingView filing, String subject) {
		FilingView.StepView step = filing.steps()
			.reversed()
			.stream()
			.filter(s -> "EXPERT_OPINION".equals(s.action()))
			.findFirst()
			.orElse(null);
		String who = step == null ? "评审专家" : "评审专家 " + step.actor().name();
		String verdict = step == null || step.opinion() == null ? "" : "（" + step.opinion() + "）";
		long missing = filing.experts().stream().filter(e -> e.verdict() == null).count();
		StringBuilder body = new StringBuilder(filing.institutionName()).append(" 的「")
			.append(filing.technologyName())
			.append("」备案：")
			.append(who)
			.append(" 已提交审查意见")
			.append(verdict)
			.append("。");
		body.append(missing == 0 ? "全部评审专家均已提交意见，请汇总后作出审查决定" : "尚有 " + missing + " 位评审专家未提交意见");
		if (filing.actionDueOn() != null) {
			body.append("，办理时限至 ").append(filing.actionDueOn());
		}
		body.append("。");
		// Message clips the body to its column
		return new Message(rule.kind(), rule.headline() + "：" + subject, body.toString(), link(filing), "Filing",
				filing.id());
	}

	private static String link(FilingView filing) {
		return "/filings/" + filing.id();
	}

}
