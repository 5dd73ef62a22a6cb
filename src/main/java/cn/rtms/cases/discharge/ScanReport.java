package cn.rtms.cases.discharge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The discharge scan of a period: per hospital, the restricted procedures found in its
 * discharge records and how many of them were reported, performed without an active
 * filing or by an operator without authorization.
 *
 * @param from first operation day
 * @param to last operation day
 * @param matchingRule how a procedure is matched to a case report, in Chinese
 * @param categories the category labels, by code
 * @param hospitals one row per hospital with discharge records in scope
 */
public record ScanReport(LocalDate from, LocalDate to, String matchingRule, Map<String, String> categories,
		List<HospitalScan> hospitals) {

	/**
	 * One hospital.
	 *
	 * @param institutionId the institution
	 * @param institutionName its name
	 * @param regionCode its region
	 * @param restricted restricted procedures found
	 * @param reported of them with a matching submitted case report
	 * @param reportingRate 系统填报率 = reported / restricted, null when nothing was found
	 * @param counts procedures (or records, for code categories) per {@link ScanCategory}
	 * name
	 * @param technologies the same per technology
	 */
	public record HospitalScan(UUID institutionId, @Nullable String institutionName, @Nullable String regionCode,
			int restricted, int reported, @Nullable Double reportingRate, Map<String, Integer> counts,
			List<TechnologyScan> technologies) {
	}

	/**
	 * One technology of a hospital.
	 *
	 * @param technology technology code
	 * @param restricted procedures found
	 * @param reported of them reported
	 * @param reportingRate reported / restricted
	 * @param counts per category
	 */
	public record TechnologyScan(String technology, int restricted, int reported, @Nullable Double reportingRate,
			Map<String, Integer> counts) {
	}

}
