package cn.rtms.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.rtms.identity.UserManagement;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.seeds.MovementKind;
import cn.rtms.seeds.RadiationSafetyManagement;
import cn.rtms.seeds.SafetyKind;
import cn.rtms.seeds.SeedCommands.ReceiveLot;
import cn.rtms.seeds.SeedCommands.RecordCount;
import cn.rtms.seeds.SeedCommands.RecordMovement;
import cn.rtms.seeds.SeedCommands.RecordSafety;
import cn.rtms.seeds.SeedCommands.TickStep;
import cn.rtms.seeds.SeedLedgerManagement;
import cn.rtms.seeds.SeedViews.LotLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo seed ledger for 吉林省松江肿瘤医院 (G07 filed in the demo filings): one I-125 lot
 * received a month ago, an issue to a procedure reconciled as implanted, returned and one
 * seed lost (an incident half worked through), a matching count and a
 * radiation-protection training due soon (docs/seed-ledger.md). Runs with the demo
 * filings, on an empty ledger only.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = { "rtms.demo-data.enabled", "rtms.demo-data.filings" }, havingValue = "true")
class DemoSeeds implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeds.class);

	private final UserManagement users;

	private final SeedLedgerManagement ledger;

	private final RadiationSafetyManagement safety;

	private final PersonnelManagement people;

	private final Clock clock;

	private final TransactionTemplate writing;

	DemoSeeds(UserManagement users, SeedLedgerManagement ledger, RadiationSafetyManagement safety,
			PersonnelManagement people, Clock clock, PlatformTransactionManager transactions) {
		this.users = users;
		this.ledger = ledger;
		this.safety = safety;
		this.people = people;
		this.clock = clock;
		// actingAs runs in UserManagement's read-only transaction: the ledger is written
		// in a new one
		this.writing = new TransactionTemplate(transactions);
		this.writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void run(ApplicationArguments args) {
		this.users.actingAs("songjiang-clerk", () -> this.writing.execute(status -> {
			if (!this.ledger.lots(null).isEmpty()) {
				return null;
			}
			LocalDate today = LocalDate.now(this.clock);
			UUID custodian = this.people.search(null, null, null).getFirst().id();
			LotLedger lot = this.ledger.receive(new ReceiveLot("I-125", "原子高科股份有限公司", "国药准字H10970153", "I125-DEMO-01",
					100, new BigDecimal("0.696"), today.minusDays(30), "核医学科粒子储源室 铅柜 A-1", custodian, "演示数据"));
			UUID lotId = lot.lot().id();
			lot = this.ledger.move(lotId, new RecordMovement(MovementKind.ISSUED, 40, null, null, "肺癌粒子植入术领用"));
			UUID issue = lot.movements().getLast().id();
			this.ledger.move(lotId, new RecordMovement(MovementKind.IMPLANTED, 36, issue, null, null));
			this.ledger.move(lotId, new RecordMovement(MovementKind.RETURNED, 3, issue, null, "术后剩余退回储源室"));
			this.ledger.move(lotId, new RecordMovement(MovementKind.LOST, 1, issue, null, "术中遗落 1 颗，正在搜寻"));
			this.ledger.count(lotId, new RecordCount(63, "月度盘点"));
			this.ledger.incidents(true)
				.forEach(i -> this.ledger.tick(i.id(), "REPORT", new TickStep("已报告科主任、放射防护科及市生态环境局")));
			this.safety.record(new RecordSafety(SafetyKind.TRAINING, custodian, today.minusYears(2).plusDays(20), null,
					"吉放培〔2024〕0213", "合格"));
			log.info("演示数据：已为吉林省松江肿瘤医院登记放射性粒子台账（1 个批次、1 起丢失事件）");
			return null;
		}));
	}

}
