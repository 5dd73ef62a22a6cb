package cn.rtms.identity;

import java.util.List;

/**
 * The administrative region tree as identity needs it for data scope; implemented by the
 * institutions module from its regions table.
 */
public interface RegionHierarchy {

	/**
	 * @param regionCode a GB/T 2260 code, e.g. {@code 220102}
	 * @return the region itself first, then its ancestors up to the province; a directly
	 * administered unit (梅河口市 220581, 长白山管委会 229900) skips its nominal parent city. Empty
	 * for an unknown code.
	 */
	List<String> ancestry(String regionCode);

	/**
	 * @param regionCode a GB/T 2260 code
	 * @return whether the region exists and lies in the deployment's province
	 * ({@code rtms.deployment.province})
	 */
	boolean inDeployment(String regionCode);

}
