package cn.rtms.seeds.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.seeds.RadiationSafetyManagement;
import cn.rtms.seeds.RadiationSafetyManagement.SafetyRecord;
import cn.rtms.seeds.SeedCommands.CorrectMovement;
import cn.rtms.seeds.SeedCommands.ReceiveLot;
import cn.rtms.seeds.SeedCommands.RecordCount;
import cn.rtms.seeds.SeedCommands.RecordMovement;
import cn.rtms.seeds.SeedCommands.RecordSafety;
import cn.rtms.seeds.SeedCommands.TickStep;
import cn.rtms.seeds.SeedLedgerManagement;
import cn.rtms.seeds.SeedViews.CaseSeedEntry;
import cn.rtms.seeds.SeedViews.Count;
import cn.rtms.seeds.SeedViews.Incident;
import cn.rtms.seeds.SeedViews.Isotope;
import cn.rtms.seeds.SeedViews.Lot;
import cn.rtms.seeds.SeedViews.LotLedger;
import cn.rtms.seeds.SeedViews.Movement;
import cn.rtms.web.ExcelExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The radioactive seed ledger (放射性粒子台账, docs/seed-ledger.md).
 */
@RestController
@Tag(name = "放射性粒子台账", description = "G07 放射性粒子的入库、储存、领用、植入、退回、丢失、泄漏、衰变处置；盘点；应急事件；辐射安全记录")
class SeedController {

	private final SeedLedgerManagement ledger;

	private final RadiationSafetyManagement safety;

	private final AuditTrail audit;

	private final Clock clock;

	SeedController(SeedLedgerManagement ledger, RadiationSafetyManagement safety, AuditTrail audit, Clock clock) {
		this.ledger = ledger;
		this.safety = safety;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/api/seeds/isotopes")
	@Operation(summary = "核素及半衰期")
	List<Isotope> isotopes() {
		return this.ledger.isotopes();
	}

	@GetMapping("/api/seeds/lots")
	@Operation(summary = "粒子批次及实时结存", description = "医院看本机构，卫生健康行政部门看辖区，可按机构筛选")
	List<Lot> lots(@RequestParam(required = false) @Nullable UUID institutionId) {
		return this.ledger.lots(institutionId);
	}

	@PostMapping("/api/seeds/lots")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "粒子入库", description = "登记新批次及其入库记录（本机构医务科、医院管理员）")
	LotLedger receive(@Valid @RequestBody ReceiveLot command) {
		return this.ledger.receive(command);
	}

	@GetMapping("/api/seeds/lots/{id}")
	@Operation(summary = "批次台账", description = "结存、全部变动记录、领用核销、盘点；date 为计算活度的日期（默认今天）")
	LotLedger ledger(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
		return this.ledger.ledger(id, date);
	}

	@PostMapping("/api/seeds/lots/{id}/movements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记粒子变动", description = "领用、植入、退回、丢失、泄漏、衰变处置；使结存为负的变动被拒绝（SEED_BALANCE_NEGATIVE），不保存")
	LotLedger move(@PathVariable UUID id, @Valid @RequestBody RecordMovement command) {
		return this.ledger.move(id, command);
	}

	@PostMapping("/api/seeds/movements/{id}/corrections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "冲正台账记录", description = "以一条相反的冲正记录抵消错误记录；台账只可追加")
	LotLedger correct(@PathVariable UUID id, @Valid @RequestBody CorrectMovement command) {
		return this.ledger.correct(id, command);
	}

	@PostMapping("/api/seeds/lots/{id}/counts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记盘点", description = "实盘数量与台账结存不符时标记差异并预警")
	Count count(@PathVariable UUID id, @Valid @RequestBody RecordCount command) {
		return this.ledger.count(id, command);
	}

	@GetMapping("/api/seeds/incidents")
	@Operation(summary = "丢失、泄漏应急事件", description = "open=true 只列未关闭的事件")
	List<Incident> incidents(@RequestParam(defaultValue = "false") boolean open) {
		return this.ledger.incidents(open);
	}

	@PostMapping("/api/seeds/incidents/{id}/steps/{code}")
	@Operation(summary = "完成应急预案步骤", description = "记录完成人和时间；最后一步（总结关闭）须其余步骤均已完成，并关闭事件")
	Incident tick(@PathVariable UUID id,
			@PathVariable @Pattern(regexp = "[A-Z_]{1,20}", message = "步骤代码格式有误") String code,
			@Valid @RequestBody TickStep command) {
		return this.ledger.tick(id, code, command);
	}

	@GetMapping("/api/seeds/safety-records")
	@Operation(summary = "辐射安全记录", description = "放射防护培训、职业健康检查、环境检查及放射诊疗许可证、辐射安全许可证的到期状态")
	List<SafetyRecord> safetyRecords(@RequestParam UUID institutionId) {
		return this.safety.records(institutionId);
	}

	@PostMapping("/api/seeds/safety-records")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记辐射安全记录")
	SafetyRecord recordSafety(@Valid @RequestBody RecordSafety command) {
		return this.safety.record(command);
	}

	@GetMapping("/api/cases/{caseId}/seed-entries")
	@Operation(summary = "病例关联的粒子台账记录", description = "与病例本身相同的可见范围：关联该病例的领用、植入及其领用下的退回、丢失和冲正记录")
	List<CaseSeedEntry> caseEntries(@PathVariable UUID caseId) {
		return this.ledger.caseEntries(caseId);
	}

	@GetMapping("/api/seeds/ledger.xlsx")
	@Operation(summary = "导出粒子台账（Excel）", description = "每条变动一行，中文表头")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable UUID institutionId) {
		Map<Lot, List<Movement>> ledger = this.ledger.export(institutionId);
		ZoneId zone = this.clock.getZone();
		List<List<Object>> rows = new ArrayList<>();
		ledger.forEach((lot, movements) -> {
			for (Movement m : movements) {
				rows.add(List.of(String.valueOf(lot.institutionName()), lot.isotope(), lot.lotNo(), lot.supplier(),
						lot.nmpaApproval(), lot.activityMci().toPlainString(), lot.calibrationDate().toString(),
						m.seq(), m.occurredAt().atZone(zone).toLocalDateTime().toString().replace('T', ' '),
						(m.sign() < 0 ? "冲正·" : "") + m.kindLabel(), m.sign() * m.quantity(),
						m.caseId() == null ? "" : m.caseId().toString(), m.note() == null ? "" : m.note(),
						m.actorName(), m.storageLocation() == null ? "" : m.storageLocation(),
						m.custodianName() == null ? "" : m.custodianName(), lot.inStock(), lot.storageLocation(),
						lot.custodianName()));
			}
		});
		byte[] xlsx = ExcelExport.write("粒子台账", List.of("医疗机构", "核素", "批号", "供货单位", "批准文号", "标定活度(mCi)", "标定日期", "序号",
				"时间", "变动", "数量(颗)", "病例", "备注", "登记人", "转移至储存位置", "转移至保管人", "当前库存(颗)", "当前储存位置", "当前保管人"), rows);
		this.audit.recordEvent("SEED_LEDGER_EXPORTED", "SeedLedger",
				institutionId == null ? "scope" : institutionId.toString(), Map.of("rows", rows.size()));
		return ExcelExport.download(xlsx, "放射性粒子台账.xlsx");
	}

}
