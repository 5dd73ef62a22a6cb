package cn.rtms.supervision.web;

import java.util.UUID;

import cn.rtms.supervision.AlertCounts;
import cn.rtms.supervision.AlertKind;
import cn.rtms.supervision.AlertPage;
import cn.rtms.supervision.AlertStatus;
import cn.rtms.supervision.AlertView;
import cn.rtms.supervision.RefreshResult;
import cn.rtms.supervision.SupervisionManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 监管预警 over HTTP; the scope comes from the session only (docs/supervision.md). */
@RestController
@Tag(name = "监管预警", description = "预警列表、按类别计数、详情、确认与立即检查")
class AlertController {

	private final SupervisionManagement supervision;

	AlertController(SupervisionManagement supervision) {
		this.supervision = supervision;
	}

	@GetMapping("/api/alerts")
	@Operation(summary = "当前账号数据范围内的预警（严重在前，已解除在后，分页）")
	AlertPage list(@RequestParam(required = false) @Nullable AlertKind kind,
			@RequestParam(required = false) @Nullable AlertStatus status,
			@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable UUID institutionId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.supervision.list(kind, status, technology, institutionId, page, size);
	}

	@GetMapping("/api/alerts/counts")
	@Operation(summary = "按类别统计待处理与已确认的预警")
	AlertCounts counts() {
		return this.supervision.counts();
	}

	@GetMapping("/api/alerts/{id}")
	@Operation(summary = "一条预警及其处理记录")
	AlertView get(@PathVariable UUID id) {
		return this.supervision.get(id);
	}

	@PostMapping("/api/alerts/{id}/acknowledge")
	@Operation(summary = "确认预警（须填写说明）", description = "医疗机构与卫生健康行政部门分别确认；每方在预警每次出现时确认一次；已解除的预警不能确认")
	AlertView acknowledge(@PathVariable UUID id, @RequestBody AcknowledgeRequest request) {
		return this.supervision.acknowledge(id, request.note());
	}

	@PostMapping("/api/alerts/refresh")
	@Operation(summary = "立即检查（卫生健康行政部门：本辖区；系统管理员：全部）")
	RefreshResult refresh() {
		return this.supervision.refresh();
	}

	/**
	 * @param note why the alert is acknowledged (1–500 characters)
	 */
	record AcknowledgeRequest(@Nullable String note) {
	}

}
