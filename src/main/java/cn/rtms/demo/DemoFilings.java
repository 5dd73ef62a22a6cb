package cn.rtms.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import cn.rtms.filing.FilingCommands;
import cn.rtms.filing.FilingQueries;
import cn.rtms.filing.FilingView;
import cn.rtms.filing.Upload;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.UserManagement;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo filings in every state a newcomer should see (draft, submitted, under expert
 * review, returned for supplement, active, revoked), built once on an empty filing table
 * through the real workflow, each step taken by the demo account whose role takes it, so
 * inboxes, the public list, deadlines and the audit trail are filled exactly as in use.
 * Dates (first case, committee meetings) are relative to today; the steps themselves are
 * dated at the first start. Disabled with {@code rtms.demo-data.filings=false} (the test
 * suite does, except {@code DemoFilingsIT}).
 */
@Component
@Order(12)
@ConditionalOnProperty(name = { "rtms.demo-data.enabled", "rtms.demo-data.filings" }, havingValue = "true",
		matchIfMissing = false)
class DemoFilings implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoFilings.class);

	private final FilingCommands filings;

	private final FilingQueries queries;

	private final UserManagement users;

	private final IdentityManagement identity;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean withCases;

	DemoFilings(FilingCommands filings, FilingQueries queries, UserManagement users, IdentityManagement identity,
			TransactionTemplate transactions, Clock clock, @Value("${rtms.demo-data.cases:false}") boolean withCases) {
		this.withCases = withCases;
		this.filings = filings;
		this.queries = queries;
		this.users = users;
		this.identity = identity;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean empty = this.identity.asSystem(() -> this.queries.list(null, null, null).isEmpty());
		if (!empty) {
			log.info("数据库中已有备案，跳过演示备案");
			return;
		}
		if (!this.users.exists("songjiang-clerk") || !this.users.exists("ccszx-clerk")
				|| !this.users.exists("jiangcheng-clerk")) {
			log.warn("演示账号不完整，跳过演示备案");
			return;
		}
		LocalDate today = LocalDate.now(this.clock);
		try {
			this.transactions.executeWithoutResult(status -> build(today));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("演示备案无法建立：" + ex.getMessage(), ex);
		}
		log.info(this.withCases ? "已建立 5 件演示备案（草稿、已提交、专家审查中、退回补充、已撤销；松江 G08 由演示病例登记为存量备案）"
				: "已建立 6 件演示备案（草稿、已提交、专家审查中、退回补充、备案有效、已撤销）");
	}

	private void build(LocalDate today) {
		UUID expert1 = expertId("expert1");
		UUID expert2 = expertId("expert2");

		// 吉林省松江肿瘤医院 (中省直): G08 active, G07 under expert review, S04 revoked on its own
		// request. With the demo cases (rtms.demo-data.cases), G08 is registered by
		// DemoCases as
		// a prior filing approved years ago instead, so that its three years of cases are
		// filed
		if (!this.withCases) {
			songjiangG08(today, expert1, expert2);
		}

		FilingView g07 = submitted("songjiang-clerk", "G07", today.minusDays(10), today.minusDays(35));
		g07 = as("province", g07, f -> this.filings.receive(f.id(), f.version(), null));
		g07 = as("province", g07,
				f -> this.filings.startExpertReview(f.id(), f.version(), List.of(expert1, expert2), null));
		as("expert1", g07, f -> this.filings.recordExpertOpinion(f.id(), f.version(), "AGREE",
				"放射诊疗许可证、辐射安全许可证有效，粒子储存设施符合要求，同意备案"));

		FilingView s04 = submitted("songjiang-clerk", "S04", today.minusDays(13), today.minusDays(45));
		s04 = as("province", s04, f -> this.filings.receive(f.id(), f.version(), null));
		s04 = as("province", s04,
				f -> this.filings.startExpertReview(f.id(), f.version(), List.of(expert1, expert2), null));
		s04 = as("expert1", s04, f -> this.filings.recordExpertOpinion(f.id(), f.version(), "AGREE", "同意备案"));
		s04 = as("expert2", s04, f -> this.filings.recordExpertOpinion(f.id(), f.version(), "AGREE", "同意备案"));
		s04 = as("province", s04, f -> this.filings.decide(f.id(), f.version(), "APPROVED", "准予备案"));
		s04 = as("province", s04, f -> this.filings.activate(f.id(), f.version(), "肿瘤深部热疗和全身热疗技术已备案"));
		s04 = as("songjiang-clerk", s04,
				f -> this.filings.requestCancellation(f.id(), f.version(), "热疗科并入肿瘤放疗科，全身热疗暂停开展，申请注销本技术备案"));
		as("province", s04,
				f -> this.filings.revoke(f.id(), f.version(), "VOLUNTARY_CANCELLATION", "经核实，医院主动申请注销，予以撤销备案"));

		// 长春市中心医院 (licence by 长春市): G08 returned after provincial review, S03 waiting for
		// 长春市
		FilingView ccG08 = submitted("ccszx-clerk", "G08", today.minusDays(12), today.minusDays(30));
		ccG08 = as("changchun", ccG08, f -> this.filings.receive(f.id(), f.version(), "予以受理"));
		ccG08 = as("changchun", ccG08, f -> this.filings.escalate(f.id(), f.version(), "国家限制类技术，报省级审查"));
		ccG08 = as("province", ccG08,
				f -> this.filings.startExpertReview(f.id(), f.version(), List.of(expert1, expert2), null));
		ccG08 = as("expert1", ccG08, f -> this.filings.recordExpertOpinion(f.id(), f.version(), "SUPPLEMENT",
				"自评显示未设麻醉复苏室（PACU），请补充设置情况或整改方案"));
		ccG08 = as("expert2", ccG08,
				f -> this.filings.recordExpertOpinion(f.id(), f.version(), "SUPPLEMENT", "同意专家一意见，补充 PACU 配置后再审"));
		as("province", ccG08, f -> this.filings.decide(f.id(), f.version(), "RETURNED_FOR_SUPPLEMENT",
				"未设置麻醉复苏室（PACU），不符合 G08 规范对麻醉复苏条件的要求，请补充后重新提交"));

		submitted("ccszx-clerk", "S03", today.minusDays(6), today.minusDays(25));

		// 吉林市江城医院: a draft, not yet self-assessed
		as("jiangcheng-clerk", null, f -> this.filings.create("G08", today.minusDays(3)));
	}

	/** 松江 G08 through the whole workflow to ACTIVE. */
	private void songjiangG08(LocalDate today, UUID expert1, UUID expert2) {
		FilingView g08 = submitted("songjiang-clerk", "G08", today.minusDays(14), today.minusDays(40));
		g08 = as("province", g08, f -> this.filings.receive(f.id(), f.version(), "材料齐全，予以受理"));
		g08 = as("province", g08,
				f -> this.filings.startExpertReview(f.id(), f.version(), List.of(expert1, expert2), "请两位专家审查"));
		g08 = as("expert1", g08,
				f -> this.filings.recordExpertOpinion(f.id(), f.version(), "AGREE", "人员、设备、设施符合 G08 管理规范，同意备案"));
		g08 = as("expert2", g08,
				f -> this.filings.recordExpertOpinion(f.id(), f.version(), "AGREE", "病例数据库与质控制度健全，同意备案"));
		g08 = as("province", g08,
				f -> this.filings.decide(f.id(), f.version(), "APPROVED", "经专家审查，符合肿瘤消融治疗技术临床应用管理规范，准予备案"));
		as("province", g08, f -> this.filings.activate(f.id(), f.version(),
				"肿瘤消融治疗技术（限制类技术）已备案，" + today.getYear() + "年" + today.getMonthValue() + "月"));
	}

	/**
	 * Creates, self-assesses, confirms every pending clause, records both committees and
	 * submits.
	 */
	private FilingView submitted(String clerk, String technology, LocalDate firstCase, LocalDate meeting) {
		FilingView filing = as(clerk, null, f -> this.filings.create(technology, firstCase));
		filing = as(clerk, filing, f -> this.filings.selfAssess(f.id(), f.version()));
		for (String clause : filing.pendingAttestations()) {
			filing = as(clerk, filing, f -> this.filings.attest(f.id(), f.version(), clause, "现场核查记录及相关证明材料（演示）",
					pdf("条款确认证据 " + clause)));
		}
		filing = as(clerk, filing, f -> this.filings.recordCommitteeOpinion(f.id(), f.version(),
				"TECHNOLOGY_MANAGEMENT", meeting, "经讨论，同意开展该技术并申请备案", pdf("医疗技术临床应用管理委员会会议纪要")));
		filing = as(clerk, filing, f -> this.filings.recordCommitteeOpinion(f.id(), f.version(), "ETHICS", meeting,
				"经伦理审查，同意开展", pdf("医学伦理委员会会议纪要")));
		return as(clerk, filing, f -> this.filings.submit(f.id(), f.version(), firstCase));
	}

	private FilingView as(String username, FilingView filing, Step step) {
		Supplier<FilingView> task = () -> step.apply(filing);
		return this.users.actingAs(username, task);
	}

	private UUID expertId(String username) {
		return this.identity.asSystem(() -> this.users.experts()
			.stream()
			.filter(e -> e.username().equals(username))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("演示专家账号 " + username + " 不存在"))
			.id());
	}

	/** A one-page PDF standing in for a scanned document. */
	static Upload pdf(String title) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			PDDocumentInformation info = new PDDocumentInformation();
			info.setTitle(title + "（演示）");
			document.setDocumentInformation(info);
			document.save(out);
			return new Upload(title + ".pdf", out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	interface Step {

		FilingView apply(FilingView filing);

	}

}
