package cn.rtms.institutions.web;

import java.util.List;
import java.util.UUID;

import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.InstitutionSummary;
import cn.rtms.institutions.Region;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Regions and institutions over HTTP. */
@RestController
@Tag(name = "医疗机构", description = "行政区划与医疗机构")
class InstitutionController {

	private final InstitutionManagement institutions;

	InstitutionController(InstitutionManagement institutions) {
		this.institutions = institutions;
	}

	@GetMapping("/api/regions")
	@Operation(summary = "行政区划树（GB/T 2260）")
	List<Region> regions() {
		return this.institutions.regionTree();
	}

	@GetMapping("/api/institutions")
	@Operation(summary = "医疗机构列表", description = "q 按名称模糊查询；regionCode 含下级区划")
	List<InstitutionSummary> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String regionCode) {
		return this.institutions.search(q, regionCode);
	}

	@GetMapping("/api/institutions/{id}")
	@Operation(summary = "医疗机构详情")
	InstitutionDetails get(@PathVariable UUID id) {
		return this.institutions.get(id);
	}

	@PostMapping("/api/institutions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建医疗机构")
	InstitutionDetails create(@Valid @RequestBody InstitutionDetails details) {
		return this.institutions.create(details);
	}

	@PutMapping("/api/institutions/{id}")
	@Operation(summary = "修改医疗机构")
	InstitutionDetails update(@PathVariable UUID id, @Valid @RequestBody InstitutionDetails details) {
		return this.institutions.update(id, details);
	}

}
