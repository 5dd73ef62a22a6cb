package cn.rtms.whatif.web;

import cn.rtms.whatif.EditionDiffView;
import cn.rtms.whatif.EditionDiffs;
import cn.rtms.whatif.ScenarioRequest;
import cn.rtms.whatif.ScenarioResult;
import cn.rtms.whatif.WhatIfScenarios;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What-if scenarios across saved records and the edition diff (docs/what-if.md).
 */
@RestController
@Tag(name = "变化影响分析", description = "人员离开、设备停用、新版规范施行时哪些评估、备案和授权会变化（不保存）；管理规范版本对比")
class WhatIfController {

	private static final String EDITION = "([A-Z][0-9]{2}-)?[0-9]{4}[A-Za-z0-9-]{0,12}";

	private final WhatIfScenarios scenarios;

	private final EditionDiffs diffs;

	WhatIfController(WhatIfScenarios scenarios, EditionDiffs diffs) {
		this.scenarios = scenarios;
		this.diffs = diffs;
	}

	@PostMapping("/api/what-if/scenarios")
	@Operation(summary = "变化影响分析（不保存）",
			description = "PERSON_LEAVES（personId，可选 leaveDate）、EQUIPMENT_OUT_OF_SERVICE（institutionId、equipmentCode，可选 units）、"
					+ "EDITION_TAKES_EFFECT（specKey 或 technology+edition，可选 institutionIds）。返回各机构各技术评估结论的变化、翻转的条款、"
					+ "将不再成立的备案与受影响的授权。不写入任何数据。")
	ScenarioResult scenario(@Valid @RequestBody ScenarioRequest request) {
		return this.scenarios.evaluate(request);
	}

	@GetMapping("/api/specs/diff")
	@Operation(summary = "管理规范版本对比",
			description = "from/to 为完整版本（G08-2022）或与 technology 配合的版本号（2022）。" + "逐条列出新增、删除、变更的要求，以及数据范围内受每项变化影响的医疗机构。")
	EditionDiffView diff(
			@Parameter(description = "旧版本，如 G08-2022") @RequestParam @Pattern(regexp = EDITION,
					message = "版本格式有误（如 G08-2022 或 2022）") String from,
			@Parameter(description = "新版本，如 G08-2023") @RequestParam @Pattern(regexp = EDITION,
					message = "版本格式有误（如 G08-2023 或 2023）") String to,
			@Parameter(description = "技术代码，如 G08") @RequestParam(required = false) @Pattern(regexp = "[A-Z][0-9]{2}",
					message = "技术代码格式有误（如 G08）") @Nullable String technology) {
		return this.diffs.diff(from, to, technology);
	}

}
