package cn.rtms.filing.domain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import cn.rtms.filing.FilingStateChanged;
import cn.rtms.filing.IllegalFilingTransition;
import cn.rtms.filing.domain.Filing.Act;
import cn.rtms.filing.domain.Filing.Committee;
import cn.rtms.filing.domain.Filing.DecisionKind;
import cn.rtms.filing.domain.Filing.Verdict;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static cn.rtms.filing.domain.FilingFixtures.DEADLINES;
import static cn.rtms.filing.domain.FilingFixtures.EXPERT_1;
import static cn.rtms.filing.domain.FilingFixtures.TODAY;
import static cn.rtms.filing.domain.FilingFixtures.assessment;
import static cn.rtms.filing.domain.FilingFixtures.authority;
import static cn.rtms.filing.domain.FilingFixtures.clause;
import static cn.rtms.filing.domain.FilingFixtures.document;
import static cn.rtms.filing.domain.FilingFixtures.expert;
import static cn.rtms.filing.domain.FilingFixtures.hospital;
import static cn.rtms.filing.domain.FilingFixtures.system;
import static cn.rtms.filing.domain.FilingFixtures.twoExperts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every state × every verb of the {@link Filing} aggregate. Each filing is built through
 * real transitions ({@link FilingFixtures}); each verb is called with otherwise-valid
 * arguments by an actor entitled to it. A verb in the state's allowed set must succeed
 * and reach its target; any other must be refused with {@link IllegalFilingTransition}
 * whose detail names the current state and the attempted action (or its target state),
 * and must change nothing (data snapshot incl. state, version and steps; no events).
 */
class FilingTransitionMatrixTests {

	/**
	 * The expected legal set, from docs/filing.md ("States" → next actions; "Automatic
	 * revocation proposals" for propose/dismiss, which the States table does not
	 * mention). Where the doc makes an action depend on the level the filing is at, the
	 * state has one row per situation. In DRAFT the hospital may already record committee
	 * opinions and upload documents while preparing the filing.
	 */
	// @formatter:off
	static final Map<Situation, Set<Action>> ALLOWED = table(
			row(Situation.DRAFT,                               Action.SELF_ASSESS, Action.RECORD_COMMITTEE_OPINION, Action.ADD_DOCUMENT),
			row(Situation.SELF_ASSESSED,                       Action.SELF_ASSESS, Action.ATTEST, Action.RECORD_COMMITTEE_OPINION, Action.ADD_DOCUMENT, Action.SUBMIT),
			row(Situation.SUBMITTED,                           Action.RECEIVE),
			row(Situation.RECEIVED_BELOW_REVIEW_LEVEL,         Action.ESCALATE),
			row(Situation.RECEIVED_AT_REVIEW_LEVEL,            Action.START_EXPERT_REVIEW),
			row(Situation.ESCALATED_BELOW_REVIEW_LEVEL,        Action.ESCALATE),
			row(Situation.ESCALATED_AT_REVIEW_LEVEL,           Action.START_EXPERT_REVIEW),
			row(Situation.UNDER_EXPERT_REVIEW,                 Action.RECORD_EXPERT_OPINION, Action.DECIDE_APPROVED, Action.DECIDE_RETURNED_FOR_SUPPLEMENT, Action.DECIDE_REJECTED),
			row(Situation.APPROVED_ABOVE_RECEIVING_LEVEL,      Action.NOTIFY_RESULT),
			row(Situation.APPROVED_AT_RECEIVING_LEVEL,         Action.ACTIVATE),
			row(Situation.RETURNED_FOR_SUPPLEMENT,             Action.SELF_ASSESS, Action.ATTEST, Action.RECORD_COMMITTEE_OPINION, Action.ADD_DOCUMENT, Action.SUBMIT),
			row(Situation.REJECTED),
			row(Situation.RESULT_NOTIFIED_ABOVE_RECEIVING_LEVEL, Action.NOTIFY_RESULT),
			row(Situation.RESULT_NOTIFIED_AT_RECEIVING_LEVEL,  Action.ACTIVATE),
			row(Situation.ACTIVE,                              Action.REQUEST_CANCELLATION, Action.SUSPEND, Action.REVOKE, Action.PROPOSE_REVOCATION),
			row(Situation.ACTIVE_WITH_REVOCATION_PROPOSAL,     Action.REQUEST_CANCELLATION, Action.SUSPEND, Action.REVOKE, Action.DISMISS_REVOCATION_PROPOSAL),
			row(Situation.SUSPENDED,                           Action.RESUME, Action.REVOKE),
			row(Situation.SUSPENDED_WITH_REVOCATION_PROPOSAL,  Action.RESUME, Action.REVOKE, Action.DISMISS_REVOCATION_PROPOSAL),
			row(Situation.REVOKED));
	// @formatter:on

	@Test
	void tableHasARowForEverySituationAndCoversEveryState() {
		assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(Situation.values());
		assertThat(Arrays.stream(Situation.values()).map(s -> s.state)).containsAll(EnumSet.allOf(FilingState.class));
	}

	@Test
	void finalStatesAllowNothing() {
		ALLOWED.forEach((situation, allowed) -> {
			if (situation.state.isFinal()) {
				assertThat(allowed).as(situation.name()).isEmpty();
			}
		});
	}

	@TestFactory
	Stream<DynamicNode> everyActionIsAllowedExactlyInTheStatesTheWorkflowNamesAndRefusedWithoutChangeElsewhere() {
		return Arrays.stream(Situation.values())
			.map(situation -> DynamicContainer.dynamicContainer(situation.displayName(),
					Arrays.stream(Action.values()).map(action -> caseOf(situation, action))));
	}

	private static DynamicTest caseOf(Situation situation, Action action) {
		boolean allowed = ALLOWED.get(situation).contains(action);
		FilingState target = action.target != null ? action.target : situation.state;
		String name = allowed ? action.verb + " → 允许，转为 " + target + "（" + target.label() + "）"
				: action.verb + " → 拒绝，状态不变";
		return DynamicTest.dynamicTest(name, () -> {
			Filing filing = situation.fixture.get();
			assertThat(filing.state()).as("fixture of %s", situation).isEqualTo(situation.state);
			if (allowed) {
				succeeds(filing, situation, action, target);
			}
			else {
				isRefusedWithoutChange(filing, situation, action, target);
			}
		});
	}

	private static void succeeds(Filing filing, Situation situation, Action action, FilingState target) {
		int stepsBefore = filing.steps().size();
		filing.drainEvents();
		boolean done = action.perform(filing);
		assertThat(done).as("%s in %s reported success", action, situation).isTrue();
		assertThat(filing.state()).isEqualTo(target);
		assertThat(filing.steps()).hasSize(stepsBefore + 1);
		Filing.Step step = filing.steps().get(stepsBefore);
		assertThat(step.action().name()).isEqualTo(action.stepCode);
		assertThat(step.fromState()).isEqualTo(situation.state);
		assertThat(step.toState()).isEqualTo(target);
		assertThat(filing.drainEvents()).filteredOn(FilingStateChanged.class::isInstance)
			.map(FilingStateChanged.class::cast)
			.singleElement()
			.satisfies(e -> {
				assertThat(e.action()).isEqualTo(action.stepCode);
				assertThat(e.from()).isEqualTo(situation.state.name());
				assertThat(e.to()).isEqualTo(target.name());
			});
	}

	private static void isRefusedWithoutChange(Filing filing, Situation situation, Action action, FilingState target) {
		FilingData before = filing.data();
		List<Filing.Step> stepsBefore = List.copyOf(filing.steps());
		filing.drainEvents();
		if (action == Action.PROPOSE_REVOCATION) {
			// never throws by design: answers false ("not attached") outside ACTIVE or
			// while a proposal is open
			assertThat(action.perform(filing)).as("proposal attached in %s", situation).isFalse();
		}
		else {
			IllegalFilingTransition refused = catchThrowableOfType(IllegalFilingTransition.class,
					() -> action.perform(filing));
			assertThat(refused).as("%s in %s must throw IllegalFilingTransition", action, situation).isNotNull();
			String detail = String.valueOf(refused.getBody().getDetail());
			assertThat(detail).as("detail names the current state").contains("“" + situation.state.label() + "”");
			// the action must appear outside the current state and the allowed-state list
			// ("已逐级通知" contains "逐级通知")
			String rest = detail.replace("“" + situation.state.label() + "”", "").replaceFirst("允许的状态.*$", "");
			boolean namesTarget = target != situation.state && rest.contains("“" + target.label() + "”");
			assertThat(rest.contains(action.named) || namesTarget)
				.as("detail names the attempted action (%s) or its target (%s): %s", action.named, target.label(),
						detail)
				.isTrue();
		}
		assertThat(filing.state()).isEqualTo(situation.state);
		assertThat(filing.version()).isEqualTo(before.version());
		assertThat(filing.steps()).containsExactlyElementsOf(stepsBefore);
		assertThat(filing.data()).isEqualTo(before);
		assertThat(filing.drainEvents()).isEmpty();
	}

	// --- the rows ---

	/** A filing in one state, at the level that decides what may happen next. */
	enum Situation {

		DRAFT(FilingState.DRAFT, "新建草稿", () -> FilingFixtures.draft("220100", true)),

		SELF_ASSESSED(FilingState.SELF_ASSESSED, "已自评，条款已确认、两委员会意见齐全",
				() -> FilingFixtures.readyToSubmit("220100", true)),

		SUBMITTED(FilingState.SUBMITTED, "国家级，长春市受理", FilingFixtures::submitted),

		RECEIVED_BELOW_REVIEW_LEVEL(FilingState.RECEIVED, "国家级，长春市受理，未到审查层级", FilingFixtures::receivedBelowReviewLevel),

		RECEIVED_AT_REVIEW_LEVEL(FilingState.RECEIVED, "省级，长春市受理即审查层级", FilingFixtures::receivedAtReviewLevel),

		ESCALATED_BELOW_REVIEW_LEVEL(FilingState.ESCALATED, "国家级，区县受理，上报至长春市，未到审查层级",
				FilingFixtures::escalatedBelowReviewLevel),

		ESCALATED_AT_REVIEW_LEVEL(FilingState.ESCALATED, "国家级，长春市上报至省，已到审查层级", FilingFixtures::escalatedAtReviewLevel),

		UNDER_EXPERT_REVIEW(FilingState.UNDER_EXPERT_REVIEW, "省级审查，两名专家均已提交意见",
				FilingFixtures::underReviewWithEveryOpinion),

		APPROVED_ABOVE_RECEIVING_LEVEL(FilingState.APPROVED, "国家级，省审查通过，受理机关在下一级",
				FilingFixtures::approvedAboveReceivingLevel),

		APPROVED_AT_RECEIVING_LEVEL(FilingState.APPROVED, "省级，长春市审查通过，即受理机关", FilingFixtures::approvedAtReceivingLevel),

		RETURNED_FOR_SUPPLEMENT(FilingState.RETURNED_FOR_SUPPLEMENT, "省级审查退回医院", FilingFixtures::returnedForSupplement),

		REJECTED(FilingState.REJECTED, "省级审查不予备案", FilingFixtures::rejected),

		RESULT_NOTIFIED_ABOVE_RECEIVING_LEVEL(FilingState.RESULT_NOTIFIED, "国家级，区县受理，结果通知至长春市，未到受理机关",
				FilingFixtures::resultNotifiedAboveReceivingLevel),

		RESULT_NOTIFIED_AT_RECEIVING_LEVEL(FilingState.RESULT_NOTIFIED, "国家级，结果通知至受理机关长春市",
				FilingFixtures::resultNotifiedAtReceivingLevel),

		ACTIVE(FilingState.ACTIVE, "无撤销建议，未申请注销", FilingFixtures::active),

		ACTIVE_WITH_REVOCATION_PROPOSAL(FilingState.ACTIVE, "有待处理的撤销建议", FilingFixtures::activeWithRevocationProposal),

		SUSPENDED(FilingState.SUSPENDED, "无撤销建议", FilingFixtures::suspended),

		SUSPENDED_WITH_REVOCATION_PROPOSAL(FilingState.SUSPENDED, "中止前已有待处理的撤销建议",
				FilingFixtures::suspendedWithRevocationProposal),

		REVOKED(FilingState.REVOKED, "撤销建议被采纳", FilingFixtures::revoked);

		final FilingState state;

		final String description;

		final Supplier<Filing> fixture;

		Situation(FilingState state, String description, Supplier<Filing> fixture) {
			this.state = state;
			this.description = description;
			this.fixture = fixture;
		}

		String displayName() {
			return this.state + "（" + this.state.label() + "）— " + this.description;
		}

	}

	// --- the columns ---

	/**
	 * Every verb of the aggregate with otherwise-valid arguments and the actor entitled
	 * to it: the hospital for its own filing, the holding authority, an assigned expert,
	 * the competent (receiving) authority, the system for revocation proposals.
	 */
	enum Action {

		SELF_ASSESS("selfAssess 自评", "自评", FilingState.SELF_ASSESSED, "SELF_ASSESS",
				does(filing -> filing.selfAssess(assessment(clause("一(一)", "MET"), clause("一(二)", "NEEDS_ATTESTATION")),
						hospital()))),

		ATTEST("attest 确认条款", "确认条款", null, "ATTEST",
				does(filing -> filing.attest("一(二)", "现场核查记录", null, hospital()))),

		RECORD_COMMITTEE_OPINION("recordCommitteeOpinion 登记委员会意见", "委员会意见", null, "COMMITTEE_OPINION",
				does(filing -> filing.recordCommitteeOpinion(Committee.ETHICS, TODAY.minusDays(3), "同意开展", document(),
						hospital()))),

		ADD_DOCUMENT("addDocument 上传材料", "上传材料", null, "ADD_DOCUMENT",
				does(filing -> filing.addDocument(document(), hospital()))),

		SUBMIT("submit 提交备案", "提交备案", FilingState.SUBMITTED, "SUBMIT",
				does(filing -> filing.submit(TODAY.minusDays(5), hospital(), DEADLINES))),

		REQUEST_CANCELLATION("requestCancellation 申请注销", "申请注销", null, "REQUEST_CANCELLATION",
				does(filing -> filing.requestCancellation("医院主动申请注销", hospital(), DEADLINES))),

		RECEIVE("receive 受理", "受理", FilingState.RECEIVED, "RECEIVE",
				does(filing -> filing.receive(holding(filing), DEADLINES))),

		ESCALATE("escalate 逐级上报", "上报", FilingState.ESCALATED, "ESCALATE",
				does(filing -> filing.escalate(holding(filing), DEADLINES))),

		START_EXPERT_REVIEW("startExpertReview 组织专家审查", "组织专家审查", FilingState.UNDER_EXPERT_REVIEW,
				"START_EXPERT_REVIEW",
				does(filing -> filing.startExpertReview(twoExperts(), holding(filing), DEADLINES))),

		RECORD_EXPERT_OPINION("recordExpertOpinion 提交专家意见", "专家意见", null, "EXPERT_OPINION",
				does(filing -> filing.recordExpertOpinion(Verdict.AGREE, "同意开展", expert(EXPERT_1), DEADLINES))),

		DECIDE_APPROVED("decide(APPROVED) 审查通过", "审查决定", FilingState.APPROVED, "DECIDE_APPROVED",
				does(filing -> filing.decide(DecisionKind.APPROVED, "符合规范", holding(filing), DEADLINES))),

		DECIDE_RETURNED_FOR_SUPPLEMENT("decide(RETURNED_FOR_SUPPLEMENT) 退回补充", "审查决定",
				FilingState.RETURNED_FOR_SUPPLEMENT, "DECIDE_RETURNED_FOR_SUPPLEMENT",
				does(filing -> filing.decide(DecisionKind.RETURNED_FOR_SUPPLEMENT, "请补充设备材料", holding(filing),
						DEADLINES))),

		DECIDE_REJECTED("decide(REJECTED) 不予备案", "审查决定", FilingState.REJECTED, "DECIDE_REJECTED",
				does(filing -> filing.decide(DecisionKind.REJECTED, "人员不符合要求", holding(filing), DEADLINES))),

		NOTIFY_RESULT("notifyResult 逐级通知", "逐级通知", FilingState.RESULT_NOTIFIED, "NOTIFY_RESULT",
				does(filing -> filing.notifyResult(holding(filing), DEADLINES))),

		ACTIVATE("activate 确认备案有效", "确认备案有效", FilingState.ACTIVE, "ACTIVATE",
				does(filing -> filing.activate("已在许可证副本备注栏注明", holding(filing)))),

		SUSPEND("suspend 中止", "中止", FilingState.SUSPENDED, "SUSPEND",
				does(filing -> filing.suspend(EndingReason.EQUIPMENT_UNUSABLE, "设备故障", competent(filing)))),

		RESUME("resume 恢复", "恢复", FilingState.ACTIVE, "RESUME", does(filing -> filing.resume(competent(filing)))),

		REVOKE("revoke 撤销", "撤销", FilingState.REVOKED, "REVOKE",
				does(filing -> filing.revoke(EndingReason.SERIOUS_ADVERSE_EVENT, "发生严重不良事件", competent(filing)))),

		PROPOSE_REVOCATION("proposeRevocation 撤销建议", "撤销建议", null, "PROPOSE_REVOCATION",
				filing -> filing.proposeRevocation(EndingReason.NOT_PERFORMED_2_YEARS, "两年无病例", system(), DEADLINES)),

		DISMISS_REVOCATION_PROPOSAL("dismissRevocationProposal 驳回撤销建议", "撤销建议", null, "DISMISS_REVOCATION_PROPOSAL",
				does(filing -> filing.dismissRevocationProposal("经核实人员已补足", competent(filing))));

		final String verb;

		/** What an illegal-transition detail must mention for this verb. */
		final String named;

		/** Target state, null when the verb keeps the state. */
		final @Nullable FilingState target;

		/** The recorded step's action code. */
		final String stepCode;

		private final Predicate<Filing> call;

		Action(String verb, String named, @Nullable FilingState target, String stepCode, Predicate<Filing> call) {
			this.verb = verb;
			this.named = named;
			this.target = target;
			this.stepCode = stepCode;
			this.call = call;
		}

		/**
		 * @return false only when a verb that answers "not done" instead of throwing
		 * declined
		 */
		boolean perform(Filing filing) {
			return this.call.test(filing);
		}

	}

	@FunctionalInterface
	interface Verb {

		void on(Filing filing);

	}

	private static Predicate<Filing> does(Verb verb) {
		return filing -> {
			verb.on(filing);
			return true;
		};
	}

	/**
	 * The authority holding the filing (the receiving one when the hospital holds it).
	 */
	private static Act holding(Filing filing) {
		String holder = filing.holder();
		return authority(holder != null ? holder : filing.data().route().receivingRegionCode());
	}

	/** The competent authority: the receiving one. */
	private static Act competent(Filing filing) {
		return authority(filing.data().route().receivingRegionCode());
	}

	@SafeVarargs
	private static Map<Situation, Set<Action>> table(Map.Entry<Situation, Set<Action>>... rows) {
		Map<Situation, Set<Action>> table = new EnumMap<>(Situation.class);
		for (Map.Entry<Situation, Set<Action>> row : rows) {
			assertThat(table.put(row.getKey(), row.getValue())).as("duplicate row %s", row.getKey()).isNull();
		}
		return table;
	}

	private static Map.Entry<Situation, Set<Action>> row(Situation situation, Action... allowed) {
		Set<Action> set = EnumSet.noneOf(Action.class);
		set.addAll(List.of(allowed));
		return Map.entry(situation, set);
	}

}
