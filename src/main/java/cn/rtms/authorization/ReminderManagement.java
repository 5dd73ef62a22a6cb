package cn.rtms.authorization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionDetails.OtherLicence;
import cn.rtms.institutions.InstitutionDetails.PracticeLicence;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expiry reminders: GRANTED authorizations, institutions' practice licences and other
 * licences (放射诊疗许可证, 辐射安全许可证 …) whose last valid day falls within the next N days, in the
 * caller's scope, and the due dates other modules declare through {@link DueDateSource}
 * (the radiation-safety records of the seed ledger). Titles and physician licence scopes
 * have no expiry and are not listed; already expired items are not listed either.
 */
@Service
@Transactional(readOnly = true)
public class ReminderManagement {

	private static final Map<String, String> LICENCE_LABELS = Map.of("RADIOLOGY", "放射诊疗许可证", "RADIATION_SAFETY",
			"辐射安全许可证", "PRACTICE", "医疗机构执业许可证", "TISSUE_BANK", "组织库许可");

	private final AccessPolicy access;

	private final InstitutionManagement institutions;

	private final AuthorizationManagement authorizations;

	private final ObjectProvider<DueDateSource> dueDates;

	private final Clock clock;

	ReminderManagement(AccessPolicy access, InstitutionManagement institutions, AuthorizationManagement authorizations,
			ObjectProvider<DueDateSource> dueDates, Clock clock) {
		this.access = access;
		this.institutions = institutions;
		this.authorizations = authorizations;
		this.dueDates = dueDates;
		this.clock = clock;
	}

	/**
	 * @param days horizon, 1–365
	 * @return what expires within the horizon, bucketed 30/60/90 (and the horizon beyond
	 * 90)
	 * @throws cn.rtms.identity.AccessDenied for experts and training-base admins
	 */
	public Reminders upcoming(int days) {
		if (days < 1 || days > 365) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "请求参数格式错误",
					"参数 days 必须在 1 到 365 之间", List.of(new ProblemException.FieldProblem("days", "必须在 1 到 365 之间")));
		}
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.PHYSICIAN,
				Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN);
		LocalDate today = LocalDate.now(this.clock);
		List<Integer> bounds = new ArrayList<>();
		for (int bound : new int[] { 30, 60, 90 }) {
			if (bound <= days) {
				bounds.add(bound);
			}
		}
		if (bounds.isEmpty() || bounds.getLast() < days) {
			bounds.add(days);
		}
		List<Reminders.Item> items = new ArrayList<>();
		List<InstitutionDetails> scope = switch (user.role()) {
			case PHYSICIAN -> List.of();
			case HOSPITAL_CLERK, HOSPITAL_ADMIN ->
				user.institutionId() == null ? List.of() : List.of(this.institutions.get(user.institutionId()));
			default ->
				this.institutions.all().stream().filter(i -> this.access.coversRegion(user, i.regionCode())).toList();
		};
		for (InstitutionDetails institution : scope) {
			UUID id = institution.id();
			if (id == null) {
				continue;
			}
			PracticeLicence practice = institution.licence();
			if (practice != null) {
				add(items, "PRACTICE_LICENCE", "医疗机构执业许可证", "INSTITUTION", id, institution.name(), id,
						institution.name(), "医疗机构执业许可证 " + practice.number(), practice.validUntil(), null, today, days,
						bounds);
			}
			for (OtherLicence licence : institution.licences() == null ? List.<OtherLicence>of()
					: institution.licences()) {
				String label = LICENCE_LABELS.getOrDefault(licence.kind(), licence.kind());
				add(items, "OTHER_LICENCE", label, "INSTITUTION", id, institution.name(), id, institution.name(),
						label + (licence.number() == null ? "" : " " + licence.number()), licence.validUntil(), null,
						today, days, bounds);
			}
		}
		Set<UUID> institutionIds = switch (user.role()) {
			case PHYSICIAN -> null;
			case SYSTEM_ADMIN -> null;
			default -> scope.stream()
				.map(InstitutionDetails::id)
				.filter(java.util.Objects::nonNull)
				.collect(java.util.stream.Collectors.toSet());
		};
		UUID personId = user.role() == Role.PHYSICIAN ? user.personId() : null;
		if (user.role() != Role.PHYSICIAN || personId != null) {
			for (AuthorizationDetails a : this.authorizations.grantedUnscoped(institutionIds, personId, user)) {
				String subs = a.subTechniques().isEmpty() ? ""
						: "（" + String.join("、", a.subTechniques().stream().map(s -> s.name()).toList()) + "）";
				add(items, "AUTHORIZATION", "手术授权", "PERSON", a.personId(), a.personName(), a.institutionId(),
						a.institutionName(), a.technology() + " " + a.technologyName() + subs + " 授权", a.validUntil(),
						a.id(), today, days, bounds);
			}
		}
		if (user.role() != Role.PHYSICIAN || personId != null) {
			for (DueDateSource source : this.dueDates.orderedStream().toList()) {
				for (DueDateSource.DueDate due : source.dueDates(institutionIds, personId, today)) {
					add(items, due.kind(), due.kindLabel(), due.subjectType(), due.subjectId(), due.subjectName(),
							due.institutionId(), due.institutionName(), due.what(), due.dueOn(), due.referenceId(),
							today, days, bounds);
				}
			}
		}
		items.sort(Comparator.comparingLong(Reminders.Item::daysLeft).thenComparing(Reminders.Item::subjectName));
		List<Reminders.Bucket> buckets = new ArrayList<>();
		for (int bound : bounds) {
			buckets.add(new Reminders.Bucket(bound, label(bound, bounds),
					items.stream().filter(i -> i.bucket() == bound).toList()));
		}
		return new Reminders(today, days, items.size(), buckets);
	}

	private static void add(List<Reminders.Item> items, String kind, String kindLabel, String subjectType,
			UUID subjectId, String subjectName, UUID institutionId, String institutionName, String what,
			@Nullable LocalDate expiresOn, @Nullable UUID referenceId, LocalDate today, int days,
			List<Integer> bounds) {
		if (expiresOn == null) {
			return;
		}
		long left = ChronoUnit.DAYS.between(today, expiresOn);
		if (left < 0 || left > days) {
			return;
		}
		int bucket = bounds.stream().filter(b -> left <= b).findFirst().orElse(days);
		items.add(new Reminders.Item(kind, kindLabel, subjectType, subjectId, subjectName, institutionId,
				institutionName, what, expiresOn, left, bucket, label(bucket, bounds), referenceId));
	}

	static String label(int bound, List<Integer> bounds) {
		int index = bounds.indexOf(bound);
		if (index <= 0) {
			return bound + " 天内到期";
		}
		return (bounds.get(index - 1) + 1) + "–" + bound + " 天内到期";
	}

}
