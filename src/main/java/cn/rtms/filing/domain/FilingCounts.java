package cn.rtms.filing.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts of stored filings computed in SQL, for the home pages: nothing is loaded but the
 * grouped numbers.
 */
public interface FilingCounts {

	/**
	 * @param institutionId an institution
	 * @return its filings per state (states without filings are absent)
	 */
	Map<FilingState, Long> byState(UUID institutionId);

	/**
	 * @param regionCodes institution regions to include
	 * @param states states to include
	 * @return filings of institutions in those regions, grouped by the institution's
	 * region, technology and state
	 */
	List<Group> grouped(Collection<String> regionCodes, Collection<FilingState> states);

	/**
	 * One group of filings.
	 *
	 * @param regionCode the institutions' region
	 * @param technology technology code
	 * @param state state
	 * @param count number of filings
	 */
	record Group(String regionCode, String technology, FilingState state, long count) {
	}

}
