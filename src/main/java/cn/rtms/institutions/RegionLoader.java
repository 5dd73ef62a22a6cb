package cn.rtms.institutions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the reference regions (GB/T 2260) at startup: a new edition of the file adds the
 * codes the table lacks (an empty database gets them all; an upgraded one keeps its
 * rows). Then checks that the deployment's province is a known province.
 */
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
		this.institutions.loadRegions();
		DeploymentProvince province = this.institutions.deploymentProvince();
		log.info("部署省份：{}（{}），行政区划数据版本：{}", province.name(), province.code(), province.regionEdition());
	}

}
