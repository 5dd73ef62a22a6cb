package cn.rtms.experts.web;

import java.util.List;
import java.util.UUID;

import cn.rtms.experts.CreateExpert;
import cn.rtms.experts.ExpertPool;
import cn.rtms.experts.ExpertProfileCommand;
import cn.rtms.experts.PoolExpert;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regional expert pools over HTTP (docs/experts.md); disabling, re-enabling and
 * resetting an expert's account go through {@code /api/authority/accounts}.
 */
@RestController
@Tag(name = "专家库", description = "省级、市（州）级卫生健康行政部门管理本辖区专家库：专业方向、受聘单位、在库状态")
class ExpertPoolController {

	private final ExpertPool pool;

	ExpertPoolController(ExpertPool pool) {
		this.pool = pool;
	}

	@GetMapping("/api/experts")
	@Operation(summary = "本辖区专家库")
	List<PoolExpert> list() {
		return this.pool.list();
	}

	@PostMapping("/api/experts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建专家账号并入库", description = "专家库按省、市（州）设立；初始密码首次登录后必须修改")
	PoolExpert create(@Valid @RequestBody CreateExpert command) {
		return this.pool.create(command);
	}

	@PutMapping("/api/experts/{id}")
	@Operation(summary = "录入或修改专家库信息", description = "专业方向、受聘单位、是否在库；尚未归入专家库的专家账号须指定专家库所在行政区划")
	PoolExpert save(@PathVariable UUID id, @Valid @RequestBody ExpertProfileCommand command) {
		return this.pool.save(id, command);
	}

}
