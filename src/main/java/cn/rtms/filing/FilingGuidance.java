package cn.rtms.filing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.rules.CaseHistory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Help for the hospital filling in a filing: the first-case date proposed from the
 * institution's own records. The registry's earliest submitted case of the technology
 * ({@link CaseHistory}, implemented by the cases module) comes first; without one, the
 * earliest month (or year) with cases in the institution's recorded case volumes. The
 * clerk may change the date; nothing is stored here.
 */
@Service
@Transactional(readOnly = true)
public class FilingGuidance {

	private final AccessPolicy access;

	private final CatalogManagement catalog;

	private final InstitutionManagement institutions;

	private final ObjectProvider<CaseHistory> caseHistory;

	FilingGuidance(AccessPolicy access, CatalogManagement catalog, InstitutionManagement institutions,
			ObjectProvider<CaseHistory> caseHistory) {
		this.access = access;
		this.catalog = catalog;
		this.institutions = institutions;
		this.caseHistory = caseHistory;
	}

	/**
	 * @param technology technology code
	 * @return the proposed first-case date of the current hospital user's institution
	 * @throws cn.rtms.identity.AccessDenied for users who are not hospital clerks or
	 * administrators
	 * @throws cn.rtms.catalog.UnknownTechnology for an unknown code
	 */
	public FirstCaseSuggestion firstCaseDate(String technology) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN);
		UUID institutionId = Objects.requireNonNull(user.institutionId(), "hospital user without institution");
		RestrictedTechnology tech = this.catalog.get(technology);
		CaseHistory history = this.caseHistory.getIfAvailable();
		if (history != null) {
			LocalDate first = history.institution(institutionId).firstCases().get(tech.code());
			if (first != null) {
				return new FirstCaseSuggestion(tech.code(), first, "REGISTRY",
						"按病例登记中本机构最早的「" + tech.name() + "」病例（" + first + "）预填，可修改");
			}
		}
		InstitutionDetails institution = this.institutions.get(institutionId);
		List<InstitutionDetails.CaseVolume> volumes = institution.caseVolumes() == null ? List.of()
				: institution.caseVolumes();
		return volumes.stream()
			.filter(v -> tech.code().equals(v.technology()) && v.cases() != null && v.cases() > 0)
			.min(Comparator.comparing((InstitutionDetails.CaseVolume v) -> v.year())
				.thenComparing(v -> v.month() == null ? 1 : v.month()))
			.map(v -> new FirstCaseSuggestion(tech.code(), LocalDate.of(v.year(), v.month() == null ? 1 : v.month(), 1),
					"VOLUMES",
					"本机构登记的开展例数最早见于 " + v.year() + " 年" + (v.month() == null ? "" : v.month() + " 月")
							+ "，已按该期间第一天预填，请核对为实际首例日期"))
			.orElseGet(() -> new FirstCaseSuggestion(tech.code(), null, null,
					"病例登记和本机构登记的开展例数中均无「" + tech.name() + "」病例，请按实际填写（尚未开展可不填）"));
	}

}
