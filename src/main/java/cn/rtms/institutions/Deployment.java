package cn.rtms.institutions;

import java.util.Map;

import cn.rtms.institutions.Regions.RegionRow;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deployment's province ({@code rtms.deployment.province}) and whether a region lies
 * in it. A malformed code stops the start; an unknown one is refused once the regions are
 * loaded ({@link RegionLoader}).
 */
@Component
class Deployment {

	static final String PROPERTY = "rtms.deployment.province";

	private final String province;

	Deployment(@Value("${" + PROPERTY + ":220000}") String province) {
		if (!province.matches("\\d{2}0000")) {
			throw new IllegalStateException(PROPERTY + " 应为省级行政区划代码（如 220000），而不是 “" + province + "”");
		}
		this.province = province;
	}

	String province() {
		return this.province;
	}

	/**
	 * @param code a region code
	 * @param all every region
	 * @return whether the region exists and its topmost ancestor is the deployment's
	 * province
	 */
	boolean covers(String code, Map<String, RegionRow> all) {
		@Nullable RegionRow row = all.get(code);
		for (int depth = 0; row != null && row.parentCode() != null && depth < 4; depth++) {
			row = all.get(row.parentCode());
		}
		return row != null && row.parentCode() == null && row.code().equals(this.province);
	}

}
