package cn.rtms.workbench.web;

import cn.rtms.workbench.Workbench;
import cn.rtms.workbench.WorkbenchManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The current user's home page over HTTP; docs/workbench.md. */
@RestController
@Tag(name = "工作台", description = "按角色的首页：待办、收件箱、辖区统计、审查任务、本人授权")
class WorkbenchController {

	private final WorkbenchManagement workbench;

	WorkbenchController(WorkbenchManagement workbench) {
		this.workbench = workbench;
	}

	@GetMapping("/api/workbench")
	@Operation(summary = "当前用户的工作台", description = "数据范围取自当前会话，不接受范围参数")
	Workbench current() {
		return this.workbench.current();
	}

}
