package cn.rtms.institutions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the reference regions (GB/T 2260) into an empty database at startup. */
@Component
@Order(1)
class RegionLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RegionLoader.class);

	private final InstitutionManagement institutions;

	RegionLoader(InstitutionManagement institutions) {
		this.institutions = institutions;
	}

	@Override
	public void run(ApplicationArguments args) {
		int loaded = this.institutions.loadRegions();
		if (loaded > 0) {
			log.info("已加载 {} 个行政区划", loaded);
		}
	}

}
