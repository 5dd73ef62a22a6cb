package cn.rtms.indicators.engine;

import java.util.List;
import java.util.Map;

/**
 * What a region code's digits do not tell: a directly administered unit (梅河口市 220581)
 * carries its nominal city's prefix (2205, 通化市) but reports to the province, so the
 * city's authority does not see it and a grouping by city shows it as a city of its own.
 * The engine filters by code prefix (index friendly) and uses this to correct the prefix.
 */
interface RegionScope {

	/** No exceptions (rendering SQL in tests). */
	RegionScope NONE = new RegionScope() {

		@Override
		public List<String> outside(String regionCode) {
			return List.of();
		}

		@Override
		public Map<String, String> cityExceptions(String prefix) {
			return Map.of();
		}

	};

	/**
	 * @param regionCode a scope's region code (a city or a county)
	 * @return the region codes that share its code prefix but do not lie within it
	 */
	List<String> outside(String regionCode);

	/**
	 * @param prefix a code prefix (empty for every region)
	 * @return for the regions under it whose city is not their first four digits + 00,
	 * that city (or the unit itself when it reports to the province)
	 */
	Map<String, String> cityExceptions(String prefix);

}
