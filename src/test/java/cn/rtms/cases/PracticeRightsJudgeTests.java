package cn.rtms.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.authorization.GrantPeriod;
import cn.rtms.cases.PracticeRights.Key;
import cn.rtms.cases.PracticeRights.Snapshot;
import cn.rtms.filing.FilingPeriod;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision of {@link PracticeRights} on one snapshot, without a database. */
class PracticeRightsJudgeTests {

	static final UUID HOSPITAL = UUID.randomUUID();

	static final UUID OTHER_HOSPITAL = UUID.randomUUID();

	static final UUID SURGEON = UUID.randomUUID();

	static final LocalDate DAY = LocalDate.of(2026, 11, 22);

	static FilingPeriod active(LocalDate from, LocalDate until) {
		return new FilingPeriod(UUID.randomUUID(), HOSPITAL, "G08", "ACTIVE", from.minusDays(20), from.minusDays(1),
				from.minusDays(10), from, until, List.of());
	}

	static FilingPeriod suspended(LocalDate activatedOn, LocalDate suspendedOn, @Nullable LocalDate resumedOn) {
		return new FilingPeriod(UUID.randomUUID(), HOSPITAL, "G08", resumedOn == null ? "SUSPENDED" : "ACTIVE",
				activatedOn.minusDays(20), activatedOn.minusDays(1), activatedOn.minusDays(10), activatedOn, null,
				List.of(new FilingPeriod.Suspension(suspendedOn, resumedOn)));
	}

	static GrantPeriod grant(UUID institution, LocalDate from, LocalDate until, String... subTechniques) {
		return new GrantPeriod(UUID.randomUUID(), SURGEON, institution, "G08", List.of(subTechniques), from, until,
				null);
	}

	static Snapshot snapshot(List<FilingPeriod> filings, List<GrantPeriod> grants) {
		return new Snapshot(1, Instant.EPOCH, filings.isEmpty() ? Map.of() : Map.of(new Key(HOSPITAL, "G08"), filings),
				grants.isEmpty() ? Map.of() : Map.of(new Key(SURGEON, "G08"), grants));
	}

	static List<String> codes(Snapshot snapshot, String subTechnique) {
		return PracticeRights.judge(snapshot, HOSPITAL, SURGEON, "G08", subTechnique, DAY)
			.stream()
			.map(PracticeFinding::code)
			.toList();
	}

	@Test
	void allowsActiveFilingAndEffectiveGrant() {
		Snapshot s = snapshot(List.of(active(DAY.minusYears(1), null)),
				List.of(grant(HOSPITAL, DAY.minusMonths(1), DAY.plusYears(1), "RFA")));
		assertThat(codes(s, "RFA")).isEmpty();
	}

	@Test
	void findsNoFilingOnTheDay() {
		Snapshot s = snapshot(List.of(active(DAY.minusYears(2), DAY.minusYears(1))),
				List.of(grant(HOSPITAL, DAY.minusMonths(1), DAY.plusYears(1))));
		assertThat(codes(s, null)).containsExactly(PracticeFinding.UNFILED);
	}

	@Test
	void aFilingSubmittedInTimeIsOnlyANote() {
		FilingPeriod pending = new FilingPeriod(UUID.randomUUID(), HOSPITAL, "G08", "SUBMITTED", DAY.minusDays(5),
				DAY.plusDays(15), DAY.minusDays(2), null, null, List.of());
		List<PracticeFinding> findings = PracticeRights.judge(
				snapshot(List.of(pending), List.of(grant(HOSPITAL, DAY.minusMonths(1), DAY.plusYears(1)))), HOSPITAL,
				SURGEON, "G08", null, DAY);
		assertThat(findings).extracting(PracticeFinding::code).containsExactly(PracticeFinding.FILING_PENDING);
		assertThat(findings.get(0).blocking()).isFalse();
	}

	@Test
	void aSuspendedFilingIsNoFilingFromTheDayOfTheSuspension() {
		Snapshot s = snapshot(List.of(suspended(DAY.minusYears(1), DAY.minusDays(10), null)),
				List.of(grant(HOSPITAL, DAY.minusMonths(1), DAY.plusYears(1))));
		List<PracticeFinding> findings = PracticeRights.judge(s, HOSPITAL, SURGEON, "G08", null, DAY);
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo(PracticeFinding.UNFILED);
			assertThat(f.blocking()).isTrue();
			assertThat(f.message()).contains("备案已中止（自 " + DAY.minusDays(10) + " 起）", DAY.toString(), "未备案开展");
		});
		assertThat(PracticeRights.judge(s, HOSPITAL, SURGEON, "G08", null, DAY.minusDays(10)))
			.as("the day of the suspension")
			.extracting(PracticeFinding::code)
			.containsExactly(PracticeFinding.UNFILED);
		assertThat(PracticeRights.judge(s, HOSPITAL, SURGEON, "G08", null, DAY.minusDays(11)))
			.as("the day before the suspension")
			.isEmpty();
	}

	@Test
	void aResumedFilingIsInForceAgainFromTheDayItWasResumed() {
		Snapshot s = snapshot(List.of(suspended(DAY.minusYears(1), DAY.minusDays(10), DAY.minusDays(3))),
				List.of(grant(HOSPITAL, DAY.minusMonths(1), DAY.plusYears(1))));
		assertThat(PracticeRights.judge(s, HOSPITAL, SURGEON, "G08", null, DAY.minusDays(11))).isEmpty();
		assertThat(PracticeRights.judge(s, HOSPITAL, SURGEON, "G08", null, DAY.minusDays(4))).singleElement()
			.satisfies(f -> {
				assertThat(f.code()).isEqualTo(PracticeFinding.UNFILED);
				assertThat(f.blocking()).isTrue();
				assertThat(f.message()).contains(
						"备案曾中止（" + DAY.minusDays(10) + " 至 " + DAY.minusDays(4) + "，" + DAY.minusDays(3) + " 恢复）");
			});
		assertThat(PracticeRights.judge(s, HOSPITAL, SURGEON, "G08", null, DAY.minusDays(3))).isEmpty();
		assertThat(PracticeRights.judge(s, HOSPITAL, SURGEON, "G08", null, DAY)).isEmpty();
	}

	@Test
	void aFilingRevokedWhileSuspendedIsNamedAsNoFilingAfterTheRevocation() {
		FilingPeriod revoked = new FilingPeriod(UUID.randomUUID(), HOSPITAL, "G08", "REVOKED", DAY.minusYears(2),
				DAY.minusYears(2).plusDays(21), DAY.minusYears(2).plusDays(10), DAY.minusYears(1), DAY.minusDays(5),
				List.of(new FilingPeriod.Suspension(DAY.minusDays(20), null)));
		Snapshot s = snapshot(List.of(revoked), List.of(grant(HOSPITAL, DAY.minusMonths(1), DAY.plusYears(1))));
		assertThat(PracticeRights.judge(s, HOSPITAL, SURGEON, "G08", null, DAY.minusDays(10))).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("备案已中止"));
		assertThat(PracticeRights.judge(s, HOSPITAL, SURGEON, "G08", null, DAY)).singleElement()
			.satisfies(f -> assertThat(f.message()).doesNotContain("中止").contains("没有生效的备案"));
	}

	@Test
	void aFilingFirstSubmittedInTimeStaysPendingAfterAReturnAndALateResubmission() {
		LocalDate firstCase = LocalDate.of(2026, 3, 2);
		FilingPeriod resubmitted = new FilingPeriod(UUID.randomUUID(), HOSPITAL, "G08", "SUBMITTED", firstCase,
				LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 20), null, null, List.of());
		assertThat(resubmitted.pendingOn(LocalDate.of(2026, 4, 1))).isTrue();
		List<PracticeFinding> findings = PracticeRights.judge(
				snapshot(List.of(resubmitted), List.of(grant(HOSPITAL, firstCase, DAY.plusYears(1)))), HOSPITAL,
				SURGEON, "G08", null, LocalDate.of(2026, 4, 1));
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo(PracticeFinding.FILING_PENDING);
			assertThat(f.blocking()).isFalse();
			assertThat(f.message()).contains("2026-03-20");
		});
	}

	@Test
	void findsNoGrantAtThisHospital() {
		Snapshot s = snapshot(List.of(active(DAY.minusYears(1), null)),
				List.of(grant(OTHER_HOSPITAL, DAY.minusMonths(1), DAY.plusYears(1))));
		assertThat(codes(s, null)).containsExactly(PracticeFinding.UNAUTHORIZED);
	}

	@Test
	void anExpiredGrantIsNoGrant() {
		Snapshot s = snapshot(List.of(active(DAY.minusYears(1), null)),
				List.of(grant(HOSPITAL, DAY.minusYears(3), DAY.minusDays(1))));
		assertThat(codes(s, null)).containsExactly(PracticeFinding.UNAUTHORIZED);
	}

	@Test
	void aGrantForOtherSubTechniquesIsOutOfScope() {
		Snapshot s = snapshot(List.of(active(DAY.minusYears(1), null)),
				List.of(grant(HOSPITAL, DAY.minusMonths(1), DAY.plusYears(1), "RFA", "MWA")));
		assertThat(codes(s, "CRYO")).containsExactly(PracticeFinding.OUT_OF_SCOPE);
		assertThat(codes(s, "MWA")).isEmpty();
	}

	@Test
	void reportsBothTheMissingFilingAndTheMissingGrant() {
		assertThat(codes(snapshot(List.of(), List.of()), null)).containsExactly(PracticeFinding.UNFILED,
				PracticeFinding.UNAUTHORIZED);
	}

}
