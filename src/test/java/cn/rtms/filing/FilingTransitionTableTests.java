package cn.rtms.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.rtms.filing.domain.Caller;
import cn.rtms.filing.domain.EndingReason;
import cn.rtms.filing.domain.Filing;
import cn.rtms.filing.domain.Filing.Act;
import cn.rtms.filing.domain.Filing.Actor;
import cn.rtms.filing.domain.Filing.Committee;
import cn.rtms.filing.domain.Filing.DecisionKind;
import cn.rtms.filing.domain.Filing.ExpertReview;
import cn.rtms.filing.domain.Filing.Verdict;
import cn.rtms.filing.domain.FilingAction;
import cn.rtms.filing.domain.FilingFixtures;
import cn.rtms.filing.domain.FilingState;
import cn.rtms.filing.domain.FilingTransitions;
import cn.rtms.filing.domain.InboxTask;
import cn.rtms.filing.domain.Party;
import cn.rtms.identity.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift test of {@link FilingTransitions}: every situation a filing can be in × every
 * kind of user (role and relation to the filing) × every action. For each, what the table
 * permits must be exactly what
 * <ul>
 * <li>the filing's {@code allowedActions} lists
 * ({@link FilingViews#allowedActions}),</li>
 * <li>the command path accepts: the party check of the commands
 * ({@link FilingAccess#refusal}) followed by the aggregate's verb (which checks state and
 * condition; a 409 {@code FILING_INCOMPLETE} about the input counts as accepted, see the
 * table's requirements),</li>
 * </ul>
 * and every inbox item ({@link FilingQueries#inboxItems}) must be a task the table gives
 * that user, for an action the user may take now. A consumer that decides on its own (a
 * hand-written rule in the view, the inbox or a guard) shows up as a disagreement naming
 * the situation, the user and the action;
 * {@link #reportsAnAllowedActionsFunctionThatDecidesOnItsOwn} proves the check can fail.
 * The state rules themselves are checked against the workflow as documented by
 * {@code FilingTransitionMatrixTests}.
 */
class FilingTransitionTableTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	static final UUID OTHER_HOSPITAL = UUID.randomUUID();

	static final UUID UNASSIGNED_EXPERT = UUID.randomUUID();

	/** Situations: one per state, and one per situation the table distinguishes. */
	// @formatter:off
	static final List<Situation> SITUATIONS = List.of(
			new Situation("DRAFT", () -> FilingFixtures.draft("220100", true)),
			new Situation("SELF_ASSESSED, clauses attested, ready", () -> FilingFixtures.readyToSubmit("220100", true)),
			new Situation("SELF_ASSESSED, nothing to attest", FilingFixtures::selfAssessedWithNothingToAttest),
			new Situation("SUBMITTED at 长春市", FilingFixtures::submitted),
			new Situation("RECEIVED below the review level", FilingFixtures::receivedBelowReviewLevel),
			new Situation("RECEIVED at the review level", FilingFixtures::receivedAtReviewLevel),
			new Situation("ESCALATED below the review level", FilingFixtures::escalatedBelowReviewLevel),
			new Situation("ESCALATED at the review level", FilingFixtures::escalatedAtReviewLevel),
			new Situation("UNDER_EXPERT_REVIEW, opinions missing", FilingFixtures::underReviewAtProvince),
			new Situation("UNDER_EXPERT_REVIEW, every opinion given", FilingFixtures::underReviewWithEveryOpinion),
			new Situation("APPROVED above the receiving level", FilingFixtures::approvedAboveReceivingLevel),
			new Situation("APPROVED at the receiving level", FilingFixtures::approvedAtReceivingLevel),
			new Situation("RETURNED_FOR_SUPPLEMENT", FilingFixtures::returnedForSupplement),
			new Situation("REJECTED", FilingFixtures::rejected),
			new Situation("RESULT_NOTIFIED above the receiving level", FilingFixtures::resultNotifiedAboveReceivingLevel),
			new Situation("RESULT_NOTIFIED at the receiving level", FilingFixtures::resultNotifiedAtReceivingLevel),
			new Situation("ACTIVE", FilingFixtures::active),
			new Situation("ACTIVE, cancellation requested", FilingFixtures::activeWithCancellationRequested),
			new Situation("ACTIVE, revocation proposed", FilingFixtures::activeWithRevocationProposal),
			new Situation("SUSPENDED", FilingFixtures::suspended),
			new Situation("SUSPENDED, revocation proposed", FilingFixtures::suspendedWithRevocationProposal),
			new Situation("REVOKED", FilingFixtures::revoked));

	/** Users, by role and relation to the filing. */
	static final List<Profile> PROFILES = List.of(
			new Profile("医务科, own hospital", f -> user(Role.HOSPITAL_CLERK, f.institutionId(), null)),
			new Profile("医院管理员, own hospital", f -> user(Role.HOSPITAL_ADMIN, f.institutionId(), null)),
			new Profile("医务科, another hospital", f -> user(Role.HOSPITAL_CLERK, OTHER_HOSPITAL, null)),
			new Profile("医师, own hospital", f -> user(Role.PHYSICIAN, f.institutionId(), null)),
			new Profile("培训基地管理员, own hospital", f -> user(Role.TRAINING_BASE_ADMIN, f.institutionId(), null)),
			new Profile("authority holding the filing", f -> authority(f.holder() != null ? f.holder() : "229900")),
			new Profile("receiving authority", f -> authority(f.receivingRegionCode())),
			new Profile("county 南关区", f -> authority("220102")),
			new Profile("city 长春市", f -> authority("220100")),
			new Profile("province", f -> authority("220000")),
			new Profile("city 吉林市 (elsewhere)", f -> authority("220200")),
			new Profile("expert 1 (assigned in review rounds)", f -> expert(FilingFixtures.EXPERT_1)),
			new Profile("expert, never assigned", f -> expert(UNASSIGNED_EXPERT)),
			new Profile("system administrator", f -> user(Role.SYSTEM_ADMIN, null, null)));
	// @formatter:on

	@TestFactory
	Stream<DynamicNode> allowedActionsCommandsAndInboxAgreeWithTheTableForEveryStateUserAndAction() {
		return SITUATIONS.stream()
			.map(situation -> DynamicContainer.dynamicContainer(situation.name(), PROFILES.stream()
				.map(profile -> DynamicTest.dynamicTest(profile.name(), () -> assertThat(disagreements(situation,
						profile, FilingViews::allowedActions, FilingTransitionTableTests::inbox))
					.isEmpty()))));
	}

	@Test
	void walksEveryStateActionAndPartyOfTheTable() {
		Set<FilingState> states = EnumSet.noneOf(FilingState.class);
		Set<FilingAction> permittedSomewhere = EnumSet.noneOf(FilingAction.class);
		Set<Party> partiesMet = EnumSet.noneOf(Party.class);
		Set<InboxTask> tasksSeen = EnumSet.noneOf(InboxTask.class);
		for (Situation situation : SITUATIONS) {
			for (Profile profile : PROFILES) {
				Filing filing = situation.fixture().get();
				states.add(filing.state());
				Caller caller = profile.caller().apply(filing);
				for (FilingTransitions.Transition row : FilingTransitions.all()) {
					if (row.permits(caller, filing)) {
						permittedSomewhere.add(row.action());
					}
				}
				for (Party party : Party.values()) {
					if (party.includes(caller, filing)) {
						partiesMet.add(party);
					}
				}
				tasksSeen.addAll(FilingTransitions.tasks(caller, filing));
			}
		}
		assertThat(states).containsExactlyInAnyOrder(FilingState.values());
		assertThat(permittedSomewhere).containsAll(EnumSet.complementOf(EnumSet.of(FilingAction.PROPOSE_REVOCATION)));
		assertThat(partiesMet).containsAll(EnumSet.complementOf(EnumSet.of(Party.SYSTEM)));
		assertThat(tasksSeen).containsExactlyInAnyOrder(InboxTask.values());
	}

	@Test
	void onlyTheSystemProposesRevocation() {
		Filing filing = FilingFixtures.active();
		assertThat(FilingTransitions.of(FilingAction.PROPOSE_REVOCATION).possible(filing)).isTrue();
		for (Profile profile : PROFILES) {
			assertThat(FilingTransitions.allowed(profile.caller().apply(filing), filing))
				.doesNotContain(FilingAction.PROPOSE_REVOCATION);
		}
	}

	@Test
	void authorityStepsStartOnlyWhereAnAuthorityHoldsTheFiling() {
		// the commands let an authority through to the aggregate when no authority holds
		// the filing (so that the refusal names the state); that is safe only because no
		// HOLDER row starts from such a state
		for (Situation situation : SITUATIONS) {
			Filing filing = situation.fixture().get();
			for (FilingTransitions.Transition row : FilingTransitions.all()) {
				if (row.party() == Party.HOLDER && row.from().contains(filing.state())) {
					assertThat(filing.holder()).as("%s in %s", row.action(), situation.name()).isNotNull();
				}
			}
		}
	}

	/**
	 * Proof that the check fails: the hospital's attestations were once offered only
	 * while a clause still awaited one, though the aggregate accepts a renewed
	 * attestation of a clause that needs one; an allowedActions with that private rule
	 * disagrees with the table in exactly that situation.
	 */
	@Test
	void reportsAnAllowedActionsFunctionThatDecidesOnItsOwn() {
		BiFunction<Caller, Filing, List<String>> drifted = (caller, filing) -> FilingViews
			.allowedActions(caller, filing)
			.stream()
			.filter(name -> !name.equals("attestations") || !filing.pendingAttestations().isEmpty())
			.toList();
		Situation ready = SITUATIONS.get(1);
		Profile clerk = PROFILES.get(0);
		assertThat(disagreements(ready, clerk, drifted, FilingTransitionTableTests::inbox)).singleElement()
			.asString()
			.contains("ATTEST")
			.contains("allowedActions");
		assertThat(disagreements(ready, clerk, FilingViews::allowedActions, FilingTransitionTableTests::inbox))
			.isEmpty();
	}

	/** Proof that the inbox check fails: a to-do the user may not act on. */
	@Test
	void reportsAnInboxItemTheUserMayNotActOn() {
		BiFunction<Caller, Filing, List<InboxItem>> drifted = (caller, filing) -> {
			List<InboxItem> items = new ArrayList<>(inbox(caller, filing));
			if (filing.state() == FilingState.SUBMITTED && caller.isAuthority()) {
				items.add(new InboxItem(summary(filing), "RECEIVE", "受理备案", null, false));
			}
			return items;
		};
		Situation submitted = SITUATIONS.get(3);
		Profile county = PROFILES.get(7);
		assertThat(disagreements(submitted, county, FilingViews::allowedActions, drifted)).isNotEmpty()
			.anySatisfy(found -> assertThat(found).startsWith("inbox item RECEIVE"));
		assertThat(disagreements(submitted, county, FilingViews::allowedActions, FilingTransitionTableTests::inbox))
			.isEmpty();
	}

	// --- the check ---

	static List<String> disagreements(Situation situation, Profile profile,
			BiFunction<Caller, Filing, List<String>> allowedActions,
			BiFunction<Caller, Filing, List<InboxItem>> inbox) {
		List<String> found = new ArrayList<>();
		Filing shown = situation.fixture().get();
		Caller caller = profile.caller().apply(shown);
		Set<FilingAction> permitted = EnumSet.noneOf(FilingAction.class);
		List<String> listed = allowedActions.apply(caller, shown);
		for (FilingAction action : FilingAction.values()) {
			boolean table = FilingTransitions.of(action).permits(caller, shown);
			if (table) {
				permitted.add(action);
			}
			if (action.apiName() != null && listed.contains(action.apiName()) != table) {
				found.add(action + ": table " + table + ", allowedActions " + listed);
			}
			Filing acted = situation.fixture().get();
			Caller acting = profile.caller().apply(acted);
			boolean accepted = FilingAccess.refusal(action, acting, acted, code -> String.valueOf(code)).isEmpty()
					&& performs(action, acted, acting);
			if (accepted != table) {
				found.add(action + ": table " + table + ", commands " + accepted);
			}
		}
		Set<String> expectedTasks = FilingTransitions.tasks(caller, shown)
			.stream()
			.map(InboxTask::code)
			.collect(Collectors.toSet());
		for (InboxItem item : inbox.apply(caller, shown)) {
			Set<FilingAction> doneBy = EnumSet.noneOf(FilingAction.class);
			for (InboxTask task : InboxTask.values()) {
				if (task.code().equals(item.action())) {
					doneBy.add(task.action());
				}
			}
			if (!expectedTasks.contains(item.action()) || doneBy.stream().noneMatch(permitted::contains)) {
				found.add("inbox item " + item.action() + " not a task of the table for this user (permitted: "
						+ permitted + ")");
			}
		}
		Set<String> inboxCodes = inbox.apply(caller, shown).stream().map(InboxItem::action).collect(Collectors.toSet());
		if (!inboxCodes.equals(expectedTasks)) {
			found.add("inbox " + inboxCodes + ", table tasks " + expectedTasks);
		}
		return found;
	}

	private static List<InboxItem> inbox(Caller caller, Filing filing) {
		return FilingQueries.inboxItems(caller, filing, summary(filing), TODAY);
	}

	/**
	 * Calls the aggregate's verb with valid input as the caller; false when it refuses
	 * the transition.
	 */
	private static boolean performs(FilingAction action, Filing filing, Caller caller) {
		Act act = act(caller);
		try {
			switch (action) {
				case SELF_ASSESS -> filing.selfAssess(FilingFixtures.assessment(FilingFixtures.clause("一(一)", "MET"),
						FilingFixtures.clause("一(二)", "NEEDS_ATTESTATION")), act);
				case RECORD_COMMITTEE_OPINION -> filing.recordCommitteeOpinion(Committee.ETHICS, TODAY.minusDays(3),
						"同意开展", FilingFixtures.document(), act);
				case ADD_DOCUMENT -> filing.addDocument(FilingFixtures.document(), act);
				case ATTEST -> filing.attest(attestable(filing), "现场核查记录", null, act);
				case SUBMIT -> filing.submit(TODAY.minusDays(5), act, FilingFixtures.DEADLINES);
				case WITHDRAW -> filing.withdraw(act, FilingFixtures.DEADLINES);
				case DELETE_DRAFT -> filing.deleteDraft(act);
				case REQUEST_CANCELLATION -> filing.requestCancellation("医院主动申请注销", act, FilingFixtures.DEADLINES);
				case RECEIVE -> filing.receive(act, FilingFixtures.DEADLINES);
				case ESCALATE -> filing.escalate(act, FilingFixtures.DEADLINES);
				case START_EXPERT_REVIEW ->
					filing.startExpertReview(FilingFixtures.twoExperts(), act, FilingFixtures.DEADLINES);
				case RECORD_EXPERT_OPINION ->
					filing.recordExpertOpinion(Verdict.AGREE, "同意开展", act, FilingFixtures.DEADLINES);
				case REPLACE_EXPERT -> filing.replaceExpert(
						filing.data()
							.experts()
							.stream()
							.filter(e -> e.verdict() == null)
							.map(ExpertReview::userId)
							.findFirst()
							.orElse(FilingFixtures.EXPERT_1),
						new ExpertReview(UUID.randomUUID(), "替补专家", null, null, null), "专家因病不能参加", act,
						FilingFixtures.DEADLINES);
				case DECIDE -> filing.decide(DecisionKind.APPROVED, "符合规范", act, FilingFixtures.DEADLINES);
				case NOTIFY_RESULT -> filing.notifyResult(act, FilingFixtures.DEADLINES);
				case ACTIVATE -> filing.activate("已在许可证副本备注栏注明", act);
				case SUSPEND -> filing.suspend(EndingReason.EQUIPMENT_UNUSABLE, "设备故障", act);
				case RESUME -> filing.resume(act);
				case REVOKE -> filing.revoke(EndingReason.SERIOUS_ADVERSE_EVENT, "发生严重不良事件", act);
				case DISMISS_REVOCATION_PROPOSAL -> filing.dismissRevocationProposal("经核实人员已补足", act);
				case PROPOSE_REVOCATION -> {
					return filing.proposeRevocation(EndingReason.NOT_PERFORMED_2_YEARS, "两年无病例", act,
							FilingFixtures.DEADLINES);
				}
			}
			return true;
		}
		catch (IllegalFilingTransition ex) {
			return false;
		}
		catch (FilingIncomplete ex) {
			// the step was permitted; its input requirements (the table's requirements
			// column) are not met by this fixture
			return true;
		}
	}

	private static String attestable(Filing filing) {
		return filing.data().assessment() == null ? "一(二)"
				: filing.data()
					.assessment()
					.report()
					.clauses()
					.stream()
					.filter(c -> "NEEDS_ATTESTATION".equals(c.status()))
					.map(c -> c.ref())
					.findFirst()
					.orElse("一(二)");
	}

	// --- users ---

	private static Caller user(Role role, @Nullable UUID institution, @Nullable String region) {
		return new Caller(UUID.randomUUID(), role, institution, region, FilingTransitionTableTests::never);
	}

	private static boolean never(String region) {
		return false;
	}

	private static Caller authority(String region) {
		Role role = "220000".equals(region) ? Role.PROVINCE_AUTHORITY
				: region.endsWith("00") ? Role.CITY_AUTHORITY : Role.COUNTY_AUTHORITY;
		return new Caller(UUID.randomUUID(), role, null, region, covered -> covers(region, covered));
	}

	/** Jilin's jurisdictions, enough for the fixtures' regions. */
	private static boolean covers(String authority, String region) {
		if (authority.equals(region)) {
			return true;
		}
		if ("220000".equals(authority)) {
			return region.startsWith("22");
		}
		return authority.endsWith("00") && region.startsWith(authority.substring(0, 4));
	}

	private static Caller expert(UUID id) {
		return new Caller(id, Role.EXPERT, null, null, FilingTransitionTableTests::never);
	}

	private static Act act(Caller caller) {
		return new Act(
				new Actor(caller.userId(), "测试" + caller.role().label(), caller.role().name(), caller.role().label(),
						caller.isAuthority() ? caller.regionCode() : null),
				Instant.parse("2026-11-20T02:00:00Z"), TODAY, "意见");
	}

	private static FilingSummary summary(Filing filing) {
		var d = filing.data();
		return new FilingSummary(d.id(), d.version(), d.institution().id(), d.institution().name(),
				d.institution().regionCode(), d.technology().code(), d.technology().name(), d.technology().level(),
				d.state().name(), d.state().label(), d.holderRegionCode(), null, d.firstCaseDate(), d.filingDeadline(),
				false, d.actionDueOn(), false, d.submittedOn(), d.updatedAt(), null);
	}

	record Situation(String name, Supplier<Filing> fixture) {
	}

	record Profile(String name, Function<Filing, Caller> caller) {
	}

}
