package cn.rtms.experts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

import cn.rtms.audit.AuditTrail;
import cn.rtms.experts.ExpertProfiles.Profile;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.AuthorityAccounts;
import cn.rtms.identity.AuthorityAccounts.ExpertAccount;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.RegionHierarchy;
import cn.rtms.identity.Role;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expert assignment for a review (filing or training base), for the assigning authority
 * (docs/experts.md):
 * <ul>
 * <li><b>Reach</b>: the active experts (enabled account, active profile) of the pool of
 * the authority's own region (本级), of the pools above it up to the province (上级) and of
 * the pools below it (下级); the system administrator reaches every pool.</li>
 * <li><b>Suggestions</b> ({@link #candidates}): those experts, specialty matches first,
 * then non-recused, then own pool before pools above and below, then by name.</li>
 * <li><b>Recusal</b>: an expert employed by the institution under review (its platform
 * employer, or a free-text employer equal to its name) is shown greyed with the reason
 * and is never assigned ({@link #requireAssignable}, called by the review commands).</li>
 * <li><b>Random draw</b> ({@link #draw}): N of the matching, non-recused candidates, with
 * a seed from the injected generator; the candidate set, seed and result are audited
 * ({@code EXPERT_DRAWN} on the subject) so the draw can be recomputed.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class ExpertAssignment {

	/** The most experts one draw (and one review) takes. */
	public static final int MAX_EXPERTS = 9;

	private final ExpertProfiles profiles;

	private final ExpertPool pool;

	private final AuthorityAccounts accounts;

	private final AccessPolicy access;

	private final RegionHierarchy regions;

	private final AuditTrail audit;

	private final RandomGenerator random;

	ExpertAssignment(ExpertProfiles profiles, ExpertPool pool, AuthorityAccounts accounts, AccessPolicy access,
			RegionHierarchy regions, AuditTrail audit,
			@Qualifier(ExpertDrawConfiguration.RANDOM) RandomGenerator random) {
		this.profiles = profiles;
		this.pool = pool;
		this.accounts = accounts;
		this.access = access;
		this.regions = regions;
		this.audit = audit;
		this.random = random;
	}

	/**
	 * The experts the current authority may consider for the subject, ranked (recused
	 * ones included, flagged). The caller has checked that the user may act on the
	 * subject.
	 * @param subject the filing or training base
	 * @return the candidates
	 */
	public List<ExpertCandidate> candidates(AssignmentSubject subject) {
		CurrentUser me = requireAssigner();
		return reachable(me, subject);
	}

	/**
	 * Draws {@code count} experts at random among the candidates whose specialties match
	 * and who are not recused, and records the draw (candidate set, seed, result) in the
	 * audit trail on the subject.
	 * @param subject the filing or training base
	 * @param count how many, 1 to {@link #MAX_EXPERTS}
	 * @return the draw
	 * @throws cn.rtms.web.ProblemException 422 {@code INVALID_EXPERT} for a count out of
	 * range, {@code EXPERT_DRAW_SHORT} when fewer experts match
	 */
	@Transactional
	public ExpertDrawResult draw(AssignmentSubject subject, int count) {
		CurrentUser me = requireAssigner();
		if (count < 1 || count > MAX_EXPERTS) {
			throw ExpertProblems
				.invalid(List.of(new FieldProblem("count", "抽取人数须为 1 至 " + MAX_EXPERTS + " 名，当前为 " + count)));
		}
		List<ExpertCandidate> eligible = reachable(me, subject).stream()
			.filter(c -> c.specialtyMatch() && !c.recused())
			.toList();
		if (eligible.size() < count) {
			throw ExpertProblems.drawShort("专业方向包含 " + subject.technologyCode() + " 且无需回避的在库专家只有 " + eligible.size()
					+ " 名，不足 " + count + " 名；请减少抽取人数或在专家库中补充专家");
		}
		String seed = HexFormat.of().toHexDigits(this.random.nextLong());
		List<UUID> candidateIds = eligible.stream()
			.map(ExpertCandidate::id)
			.sorted(Comparator.comparing(UUID::toString))
			.toList();
		List<UUID> drawnIds = ExpertDraw.draw(candidateIds, count, seed);
		Map<UUID, ExpertCandidate> byId = new java.util.HashMap<>();
		eligible.forEach(c -> byId.put(c.id(), c));
		List<ExpertCandidate> drawn = drawnIds.stream().map(byId::get).toList();
		ExpertDrawResult result = new ExpertDrawResult(subject.entityType(), subject.id(), subject.technologyCode(),
				count, seed, ExpertDraw.ALGORITHM, candidateIds, drawn);
		this.audit.record("EXPERT_DRAWN", subject.entityType(), subject.id().toString(), null,
				new DrawRecord(subject.technologyCode(), subject.institutionName(), count, seed, ExpertDraw.ALGORITHM,
						eligible.stream()
							.sorted(Comparator.comparing(c -> c.id().toString()))
							.map(c -> new DrawnExpert(c.id(), c.displayName()))
							.toList(),
						drawn.stream().map(c -> new DrawnExpert(c.id(), c.displayName())).toList()));
		return result;
	}

	/**
	 * Checks that every expert may be assigned to the subject by the current user: an
	 * active expert of a pool within reach, not employed by the institution under review.
	 * @param subject the filing or training base
	 * @param expertIds the experts chosen
	 * @return their names, in the given order (duplicates dropped)
	 * @throws cn.rtms.web.ProblemException 422 {@code EXPERT_RECUSED} naming the expert
	 * and the institution, or {@code EXPERT_NOT_ASSIGNABLE} naming the expert and why
	 */
	public List<AssignedExpert> requireAssignable(AssignmentSubject subject, Collection<UUID> expertIds) {
		CurrentUser me = this.access.requireRole(Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY,
				Role.SYSTEM_ADMIN);
		Map<UUID, ExpertCandidate> reach = new java.util.HashMap<>();
		reachable(me, subject).forEach(c -> reach.put(c.id(), c));
		Map<UUID, ExpertAccount> accounts = new java.util.HashMap<>();
		this.accounts.expertAccounts().forEach(a -> accounts.put(a.id(), a));
		Map<UUID, Profile> profiles = this.profiles.all();
		List<AssignedExpert> assigned = new ArrayList<>();
		for (UUID id : new LinkedHashSet<>(expertIds)) {
			ExpertCandidate candidate = reach.get(id);
			if (candidate != null) {
				if (candidate.recused()) {
					throw ExpertProblems.recused("评审专家" + candidate.displayName() + "（" + candidate.username() + "）"
							+ candidate.recusalReason() + "，不能指派");
				}
				assigned.add(new AssignedExpert(id, candidate.displayName()));
				continue;
			}
			ExpertAccount account = accounts.get(id);
			if (account == null) {
				throw ExpertProblems.notAssignable("账号 " + id + " 不是评审专家，不能指派");
			}
			String who = "评审专家" + account.displayName() + "（" + account.username() + "）";
			Profile profile = profiles.get(id);
			String region = account.regionCode();
			if (region == null || profile == null) {
				throw ExpertProblems.notAssignable(who + "尚未录入专家库（所在专家库、专业方向、受聘单位），请先在“下级账号与专家库”中录入");
			}
			if (!account.enabled() || !profile.active()) {
				throw ExpertProblems.notAssignable(who + (account.enabled() ? "在专家库中已停用" : "的账号已停用") + "，不能指派");
			}
			String poolName = this.pool.view(account, profile, Map.of()).regionName();
			throw ExpertProblems.notAssignable(
					who + "属于" + (poolName == null ? region : poolName) + "专家库，不在本级可选的专家库（本级、上级及下级）范围内，不能指派");
		}
		return assigned;
	}

	/**
	 * An expert accepted for an assignment.
	 *
	 * @param id the account
	 * @param displayName the name
	 */
	public record AssignedExpert(UUID id, String displayName) {
	}

	/** What the audit entry of a draw holds. */
	record DrawRecord(String technologyCode, String institution, int count, String seed, String algorithm,
			List<DrawnExpert> candidates, List<DrawnExpert> drawn) {
	}

	/** An expert in a draw's audit entry. */
	record DrawnExpert(UUID id, String name) {
	}

	private List<ExpertCandidate> reachable(CurrentUser me, AssignmentSubject subject) {
		Map<UUID, Profile> profiles = this.profiles.all();
		Map<String, String> names = this.pool.technologyNames();
		String mine = me.role() == Role.SYSTEM_ADMIN ? null : me.regionCode();
		List<String> above = mine == null ? List.of() : this.regions.ancestry(mine);
		List<ExpertCandidate> candidates = new ArrayList<>();
		for (ExpertAccount account : this.accounts.expertAccounts()) {
			Profile profile = profiles.get(account.id());
			String region = account.regionCode();
			if (profile == null || region == null || !profile.active() || !account.enabled()) {
				continue;
			}
			String relation;
			if (mine == null) {
				relation = "全部";
			}
			else if (region.equals(mine)) {
				relation = "本级";
			}
			else if (above.contains(region)) {
				relation = "上级";
			}
			else if (this.regions.ancestry(region).contains(mine)) {
				relation = "下级";
			}
			else {
				continue;
			}
			PoolExpert view = this.pool.view(account, profile, names);
			String recusal = recusal(profile, view.employerName(), subject);
			candidates.add(new ExpertCandidate(account.id(), account.username(), account.displayName(), region,
					view.regionName(), relation, view.specialties(),
					profile.specialties().contains(subject.technologyCode()), view.employerName(), recusal != null,
					recusal));
		}
		candidates.sort(Comparator.comparing((ExpertCandidate c) -> !c.specialtyMatch())
			.thenComparing(ExpertCandidate::recused)
			.thenComparing(c -> order(c.pool()))
			.thenComparing(ExpertCandidate::displayName)
			.thenComparing(ExpertCandidate::username));
		return candidates;
	}

	private static @Nullable String recusal(Profile profile, @Nullable String employerName, AssignmentSubject subject) {
		boolean employed = subject.institutionId().equals(profile.employerInstitutionId())
				|| (profile.employerInstitutionId() == null && employerName != null
						&& employerName.strip().equals(subject.institutionName().strip()));
		return employed ? "受聘于" + subject.institutionName() + "（被审查机构），须回避" : null;
	}

	private static int order(String pool) {
		return switch (pool) {
			case "本级" -> 0;
			case "上级" -> 1;
			default -> 2;
		};
	}

	private CurrentUser requireAssigner() {
		return this.access.requireRole(Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY,
				Role.SYSTEM_ADMIN);
	}

}
