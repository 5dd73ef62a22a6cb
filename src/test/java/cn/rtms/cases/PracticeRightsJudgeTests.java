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
				from.minusDays(10), from, until);
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
				DAY.plusDays(15), DAY.minusDays(2), null, null);
		List<PracticeFinding> findings = PracticeRights.judge(
				snapshot(List.of(pending), List.of(grant(HOSPITAL, DAY.minusMonths(1), DAY.plusYears(1)))), HOSPITAL,
				SURGEON, "G08", null, DAY);
		assertThat(findings).extracting(PracticeFinding::code).containsExactly(PracticeFinding.FILING_PENDING);
		assertThat(findings.get(0).blocking()).isFalse();
	}

	@Test
	void aFilingFirstSubmittedInTimeStaysPendingAfterAReturnAndALateResubmission() {
		LocalDate firstCase = LocalDate.of(2026, 3, 2);
		FilingPeriod resubmitted = new FilingPeriod(UUID.randomUUID(), HOSPITAL, "G08", "SUBMITTED", firstCase,
				LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 20), null, null);
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
