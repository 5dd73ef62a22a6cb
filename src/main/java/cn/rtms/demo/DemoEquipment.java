package cn.rtms.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.rtms.equipment.AttachmentPurpose;
import cn.rtms.equipment.EquipmentInput;
import cn.rtms.equipment.EquipmentManagement;
import cn.rtms.equipment.EquipmentStatus;
import cn.rtms.equipment.EquipmentView;
import cn.rtms.equipment.RecordInput;
import cn.rtms.equipment.RecordResult;
import cn.rtms.equipment.ScheduleInput;
import cn.rtms.equipment.ScheduleKind;
import cn.rtms.filing.Upload;
import cn.rtms.identity.UserManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A few demo rows of the equipment register (docs/equipment.md) for 吉林省松江肿瘤医院, entered
 * once through the use cases by its clerk on an empty register: its DSA in service with
 * quarterly maintenance, a deep-hyperthermia machine in service with the manufacturer's
 * heat-distribution map and safety report and a yearly third-party safety test, and a
 * second one under repair (not counted; see the eligibility explanation of S04). Other
 * kinds keep their declared counts. Built with the demo cases
 * ({@code rtms.demo-data.cases}; off in the test suite except {@code DemoCasesIT}).
 */
@Component
@Order(14)
@ConditionalOnProperty(name = { "rtms.demo-data.enabled", "rtms.demo-data.cases" }, havingValue = "true",
		matchIfMissing = false)
class DemoEquipment implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoEquipment.class);

	private static final byte[] PDF = "%PDF-1.4\n% RTMS 演示文件\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	private final EquipmentManagement equipment;

	private final UserManagement users;

	private final Clock clock;

	private final TransactionTemplate transactions;

	DemoEquipment(EquipmentManagement equipment, UserManagement users, Clock clock, TransactionTemplate transactions) {
		this.equipment = equipment;
		this.users = users;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.users.exists("songjiang-clerk")) {
			return;
		}
		try {
			boolean built = Boolean.TRUE
				.equals(this.transactions.execute(status -> this.users.actingAs("songjiang-clerk", () -> {
					if (!this.equipment.register(null).units().isEmpty()) {
						return false;
					}
					build(LocalDate.now(this.clock));
					return true;
				})));
			log.info(built ? "已建立 3 台演示设备（松江：DSA、深部热疗设备在用与维修中）" : "设备登记中已有设备，跳过演示设备");
		}
		catch (RuntimeException ex) {
			// demo rows are a convenience: the application starts without them
			log.warn("演示设备无法建立：{}", ex.getMessage(), ex);
		}
	}

	private void build(LocalDate today) {
		EquipmentView dsa = this.equipment.create(null, new EquipmentInput("DSA", "国械注进20173301234", "西门子医疗系统有限公司",
				"Artis zee", "DSA-SJ-0001", today.minusYears(6), EquipmentStatus.IN_SERVICE, "介入手术室 1", null, null));
		dsa = this.equipment.addSchedule(dsa.id(),
				new ScheduleInput(ScheduleKind.MAINTENANCE, "季度保养", 3, today.minusMonths(2)));
		this.equipment.addRecord(dsa.id(), scheduleId(dsa), new RecordInput(today.minusMonths(2).plusDays(3), "设备科 李工",
				RecordResult.QUALIFIED, "球管、高压发生器检查正常", null));

		EquipmentView deep = this.equipment.create(null,
				new EquipmentInput("HYPERTHERMIA_DEEP", "吉械注准20212091234", "吉林省某热疗设备有限公司", "HG-2000 射频深部热疗系统",
						"HT-SJ-0001", today.minusYears(3), EquipmentStatus.IN_SERVICE, "肿瘤热疗科治疗室 1", null, null));
		UUID deepId = deep.id();
		this.equipment.attach(deepId, AttachmentPurpose.HEAT_DISTRIBUTION_MAP, null, new Upload("热分布图.pdf", PDF));
		this.equipment.attach(deepId, AttachmentPurpose.MANUFACTURER_SAFETY_REPORT, null,
				new Upload("环境安全检测报告.pdf", PDF));
		deep = this.equipment.addSchedule(deepId,
				new ScheduleInput(ScheduleKind.SAFETY_TEST, "年度环境安全检测", 12, today.minusMonths(4)));
		deep = this.equipment.addRecord(deepId, scheduleId(deep),
				new RecordInput(today.minusMonths(4), "吉林省某第三方检测有限公司", RecordResult.QUALIFIED, "射频泄漏与电磁环境检测合格", null));
		this.equipment.attach(deepId, AttachmentPurpose.TEST_REPORT,
				deep.schedules().getFirst().records().getFirst().id(), new Upload("第三方检测报告.pdf", PDF));

		this.equipment.create(null,
				new EquipmentInput("HYPERTHERMIA_DEEP", "吉械注准20212091234", "吉林省某热疗设备有限公司", "HG-2000 射频深部热疗系统",
						"HT-SJ-0002", today.minusYears(5), EquipmentStatus.UNDER_REPAIR, "肿瘤热疗科治疗室 2",
						"射频功率输出不稳，已报厂家维修", null));
	}

	private static UUID scheduleId(EquipmentView unit) {
		return unit.schedules().getFirst().id();
	}

}
