package cn.rtms.authorization.domain;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.authorization.AuthorizationGranted;
import cn.rtms.authorization.AuthorizationRejected;
import cn.rtms.authorization.AuthorizationRevoked;
import org.junit.jupiter.api.Test;

import static cn.rtms.authorization.domain.AuthorizationFixtures.ADMIN;
import static cn.rtms.authorization.domain.AuthorizationFixtures.NOW;
import static cn.rtms.authorization.domain.AuthorizationFixtures.anyTerms;
import static cn.rtms.authorization.domain.AuthorizationFixtures.granted;
import static cn.rtms.authorization.domain.AuthorizationFixtures.pending;
import static cn.rtms.authorization.domain.AuthorizationFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizationTests {

	@Test
	void startsPending() {
		Authorization authorization = pending();
		assertThat(authorization.status()).isEqualTo(AuthorizationStatus.PENDING);
		assertThat(authorization.effectiveOn(LocalDate.parse("2026-11-22"))).isFalse();
	}

	@Test
	void grantsPendingAndRecordsEvent() {
		Authorization authorization = pending();
		authorization.grant(ADMIN, NOW, "G08-2023", "MET");
		assertThat(authorization.status()).isEqualTo(AuthorizationStatus.GRANTED);
		assertThat(authorization.snapshot().decidedBy()).isEqualTo(ADMIN);
		assertThat(authorization.snapshot().eligibilitySpecKey()).isEqualTo("G08-2023");
		assertThat(authorization.effectiveOn(LocalDate.parse("2026-11-22"))).isTrue();
		assertThat(authorization.effectiveOn(LocalDate.parse("2029-11-22"))).isFalse();
		List<Object> events = authorization.takeEvents();
		assertThat(events).singleElement().isInstanceOf(AuthorizationGranted.class);
		assertThat(authorization.takeEvents()).isEmpty();
	}

	@Test
	void rejectsPendingWithReason() {
		Authorization authorization = pending();
		authorization.reject(ADMIN, NOW, " 培训未完成 ");
		assertThat(authorization.status()).isEqualTo(AuthorizationStatus.REJECTED);
		assertThat(authorization.snapshot().rejectionReason()).isEqualTo("培训未完成");
		assertThat(authorization.takeEvents()).singleElement().isInstanceOf(AuthorizationRejected.class);
	}

	@Test
	void refusesBlankReason() {
		assertThatThrownBy(() -> pending().reject(ADMIN, NOW, "  ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> granted().revoke(ADMIN, NOW, "")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void revokesGrantedWithReason() {
		Authorization authorization = granted();
		authorization.takeEvents();
		authorization.revoke(ADMIN, NOW, "发生严重并发症");
		assertThat(authorization.status()).isEqualTo(AuthorizationStatus.REVOKED);
		assertThat(authorization.snapshot().revocationReason()).isEqualTo("发生严重并发症");
		assertThat(authorization.effectiveOn(LocalDate.parse("2026-11-22"))).isFalse();
		assertThat(authorization.takeEvents()).singleElement().isInstanceOf(AuthorizationRevoked.class);
	}

	@Test
	void refusesRevokingPendingNamingBothStates() {
		assertThatThrownBy(() -> pending().revoke(ADMIN, NOW, "原因")).isInstanceOf(InvalidTransition.class)
			.hasMessage("授权记录当前为“待审批”，不能变更为“已撤销”");
	}

	@Test
	void refusesGrantingTwiceOrAfterRejection() {
		assertThatThrownBy(() -> granted().grant(ADMIN, NOW, "G08-2023", "MET")).isInstanceOf(InvalidTransition.class)
			.hasMessageContaining("已授权")
			.satisfies(ex -> assertThat(((InvalidTransition) ex).from()).isEqualTo(AuthorizationStatus.GRANTED));
		Authorization rejected = pending();
		rejected.reject(ADMIN, NOW, "不符合");
		assertThatThrownBy(rejected::checkGrantable).isInstanceOf(InvalidTransition.class)
			.hasMessage("授权记录当前为“已驳回”，不能变更为“已授权”");
		assertThatThrownBy(() -> rejected.revoke(ADMIN, NOW, "x")).isInstanceOf(InvalidTransition.class);
	}

	@Test
	void refusesRevokingTwice() {
		Authorization authorization = granted();
		authorization.revoke(ADMIN, NOW, "原因");
		assertThatThrownBy(() -> authorization.revoke(ADMIN, NOW, "原因")).isInstanceOf(InvalidTransition.class)
			.hasMessage("授权记录当前为“已撤销”，不能变更为“已撤销”");
	}

	@Test
	void amendsOnlyPending() {
		Authorization authorization = pending();
		AuthorizationTerms longer = terms(LocalDate.parse("2026-12-01"), LocalDate.parse("2030-11-30"));
		authorization.amend(longer);
		assertThat(authorization.terms()).isEqualTo(longer);
		Authorization grantedOne = granted();
		assertThatThrownBy(() -> grantedOne.amend(longer)).isInstanceOf(AuthorizationNotEditable.class)
			.hasMessage("已授权的记录不可修改，只能撤销");
		assertThat(grantedOne.terms()).isEqualTo(anyTerms());
	}

	@Test
	void refusesEmptyOrInvertedPeriod() {
		assertThatThrownBy(() -> terms(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-01")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void conflictsOnlyWithOverlappingGrantOfSamePhysicianAndTechnology() {
		Authorization existing = granted();
		Authorization renewal = Authorization.apply(existing.personId(), existing.institutionId(),
				terms(LocalDate.parse("2029-11-22"), LocalDate.parse("2032-11-21")), AuthorizationFixtures.CLERK, NOW);
		Authorization overlapping = Authorization.apply(existing.personId(), existing.institutionId(),
				terms(LocalDate.parse("2029-11-21"), LocalDate.parse("2032-11-21")), AuthorizationFixtures.CLERK, NOW);
		Authorization otherPerson = pending();
		assertThat(renewal.conflictsWith(existing)).isFalse();
		assertThat(overlapping.conflictsWith(existing)).isTrue();
		assertThat(otherPerson.conflictsWith(existing)).isFalse();
		assertThat(existing.conflictsWith(existing)).isFalse();
		existing.revoke(ADMIN, NOW, "撤销");
		assertThat(overlapping.conflictsWith(existing)).isFalse();
	}

}
