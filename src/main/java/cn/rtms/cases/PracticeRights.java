package cn.rtms.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.rtms.authorization.AuthorizationGranted;
import cn.rtms.authorization.AuthorizationManagement;
import cn.rtms.authorization.AuthorizationRevoked;
import cn.rtms.authorization.GrantPeriod;
import cn.rtms.filing.FilingPeriod;
import cn.rtms.filing.FilingQueries;
import cn.rtms.filing.FilingStateChanged;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Service;

/**
 * Who may practise what, on which day: the filing periods of institutions and the grant
 * periods of physicians, held in memory and replaced when a filing or an authorization
 * changes (after the change commits). Answers for any day, so a case is judged by its
 * operation date, not by today.
 */
@Service
public class PracticeRights {

	private final FilingQueries filings;

	private final AuthorizationManagement authorizations;

	private volatile @Nullable Snapshot snapshot;

	PracticeRights(FilingQueries filings, AuthorizationManagement authorizations) {
		this.filings = filings;
		this.authorizations = authorizations;
	}

	/**
	 * Checks one procedure.
	 * @param institutionId where it was performed
	 * @param operatorId the operator, or null when not (yet) known
	 * @param technology technology code
	 * @param subTechnique sub-technique code, or null
	 * @param day the operation day
	 * @return the findings, empty when the institution held an active filing and the
	 * operator an effective authorization covering the sub-technique
	 */
	public List<PracticeFinding> check(UUID institutionId, @Nullable UUID operatorId, String technology,
			@Nullable String subTechnique, LocalDate day) {
		Snapshot s = snapshot();
		List<PracticeFinding> findings = new ArrayList<>();
		List<FilingPeriod> periods = s.filings().getOrDefault(new Key(institutionId, technology), List.of());
		if (periods.stream().noneMatch(p -> p.activeOn(day))) {
			FilingPeriod pending = periods.stream().filter(p -> p.pendingOn(day)).findFirst().orElse(null);
			if (pending != null) {
				findings
					.add(new PracticeFinding(PracticeFinding.FILING_PENDING, false, "首例日期 " + pending.firstCaseDate()
							+ " 后 15 个工作日内已提交备案（" + pending.submittedOn() + "），" + day + " 备案尚未生效"));
			}
			else {
				findings.add(new PracticeFinding(PracticeFinding.UNFILED, true,
						technology + " 在 " + day + " 没有生效的备案（未备案开展）"));
			}
		}
		if (operatorId != null) {
			List<GrantPeriod> grants = s.grants()
				.getOrDefault(new Key(operatorId, technology), List.of())
				.stream()
				.filter(g -> g.institutionId().equals(institutionId) && g.effectiveOn(day))
				.toList();
			if (grants.isEmpty()) {
				findings.add(new PracticeFinding(PracticeFinding.UNAUTHORIZED, true,
						"术者在 " + day + " 没有本院有效的 " + technology + " 技术授权（未授权）"));
			}
			else if (grants.stream().noneMatch(g -> g.covers(subTechnique))) {
				findings.add(new PracticeFinding(PracticeFinding.OUT_OF_SCOPE, true, "术者的 " + technology + " 授权限于 "
						+ grants.get(0).subTechniques() + "，不含 " + subTechnique + "（超范围）"));
			}
		}
		return List.copyOf(findings);
	}

	/** Drops the snapshot after a filing changed state; the next check reloads it. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(FilingStateChanged event) {
		this.snapshot = null;
	}

	/** Drops the snapshot after a grant. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(AuthorizationGranted event) {
		this.snapshot = null;
	}

	/** Drops the snapshot after a revocation. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(AuthorizationRevoked event) {
		this.snapshot = null;
	}

	private Snapshot snapshot() {
		Snapshot s = this.snapshot;
		if (s == null) {
			s = new Snapshot(
					this.filings.practicePeriods()
						.stream()
						.collect(Collectors.groupingBy(p -> new Key(p.institutionId(), p.technology()))),
					this.authorizations.grantPeriods()
						.stream()
						.collect(Collectors.groupingBy(g -> new Key(g.personId(), g.technology()))));
			this.snapshot = s;
		}
		return s;
	}

	private record Key(UUID id, String technology) {
	}

	private record Snapshot(Map<Key, List<FilingPeriod>> filings, Map<Key, List<GrantPeriod>> grants) {
	}

}
