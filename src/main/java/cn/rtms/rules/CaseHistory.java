package cn.rtms.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the case registry knows about cases performed (service provider interface, see ADR
 * 0019): the rules module declares it, the cases module implements it, so that the module
 * graph stays acyclic (cases depends on rules, never the other way round). Only submitted
 * cases count, and only those operated on or after {@link #registryStart()}; before that
 * day the manually entered figures of institutions and people stand. Without an
 * implementation (a deployment without the cases module) eligibility uses the manual
 * figures alone.
 */
public interface CaseHistory {

	/**
	 * @return the first day from which the registry holds every case
	 * ({@code rtms.cases.registry-start}); periods ending before it keep the manual
	 * figures
	 */
	LocalDate registryStart();

	/**
	 * The day from which the registry speaks for a subject's technology: the registry
	 * start, or 1 January of the year of the subject's first registry case of the
	 * technology when that is later. Before it, and for a technology without any registry
	 * case, the manual figures stand (docs/case-volumes.md).
	 * @param firstCase the subject's first registry case of the technology
	 * @return the coverage start
	 */
	default LocalDate coverageStart(LocalDate firstCase) {
		return coverageStart(firstCase, registryStart());
	}

	/**
	 * @param firstCase the subject's first registry case of the technology
	 * @param registryStart the registry start
	 * @return see {@link #coverageStart(LocalDate)}
	 */
	static LocalDate coverageStart(LocalDate firstCase, LocalDate registryStart) {
		LocalDate from = LocalDate.of(firstCase.getYear(), 1, 1);
		return from.isAfter(registryStart) ? from : registryStart;
	}

	/**
	 * A revision of the registry's submitted cases of one institution, changed in the
	 * same transaction as any case of it is inserted, amended or deleted: part of the
	 * eligibility cache key.
	 * @param institutionId the institution
	 * @return the revision, 0 when it has no case
	 */
	long revision(UUID institutionId);

	/**
	 * @param institutionId the institution
	 * @return the institution's submitted cases per technology and month (one row with
	 * {@code subTechnique == null} for all cases of the technology, and one per recorded
	 * sub-technique), the first case per technology, and the last case day per technology
	 * and sub-technique
	 */
	InstitutionCases institution(UUID institutionId);

	/**
	 * @return {@link #institution} of every institution with a submitted case (for
	 * sweeps)
	 */
	Map<UUID, InstitutionCases> institutions();

	/**
	 * @param personIds people
	 * @return per person with cases: the cases they operated (术者) per technology and
	 * month, at any institution
	 */
	Map<UUID, List<Volume>> operatorVolumes(Collection<UUID> personIds);

	/**
	 * @param institutionId the institution
	 * @param technology technology code
	 * @param onOrBefore the last day to consider (today)
	 * @return the last operation day of a submitted case of the technology on or before
	 * {@code onOrBefore}, or {@code null} when there is none since the registry start
	 */
	@Nullable LocalDate lastCaseDate(UUID institutionId, String technology, LocalDate onOrBefore);

	/**
	 * Cases of one month from the registry.
	 *
	 * @param technology technology code
	 * @param subTechnique sub-technique code, {@code null} for all cases of the
	 * technology
	 * @param year calendar year
	 * @param month month 1–12
	 * @param cases number of submitted cases
	 */
	record Volume(String technology, @Nullable String subTechnique, int year, int month, int cases) {
	}

	/**
	 * An institution's cases in the registry.
	 *
	 * @param volumes monthly volumes (see {@link CaseHistory#institution})
	 * @param firstCases first operation day per technology code
	 * @param lastCases last operation day per technology code, and per
	 * {@code technology + "/" + subTechnique} for cases with a sub-technique
	 */
	record InstitutionCases(List<Volume> volumes, Map<String, LocalDate> firstCases, Map<String, LocalDate> lastCases) {

		/** Nothing recorded. */
		public static final InstitutionCases NONE = new InstitutionCases(List.of(), Map.of(), Map.of());

		/**
		 * @param technology technology code
		 * @param since first day counted
		 * @return the sub-techniques of the technology with a case on or after
		 * {@code since}
		 */
		public Set<String> subTechniquesSince(String technology, LocalDate since) {
			Set<String> codes = new java.util.TreeSet<>();
			String prefix = technology + "/";
			this.lastCases.forEach((key, last) -> {
				if (key.startsWith(prefix) && !last.isBefore(since)) {
					codes.add(key.substring(prefix.length()));
				}
			});
			return codes;
		}

	}

}
