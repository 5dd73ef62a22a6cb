package cn.rtms.institutions.web;

import cn.rtms.institutions.InstitutionLevel;
import cn.rtms.institutions.InstitutionLists;
import cn.rtms.institutions.InstitutionSummary;
import cn.rtms.institutions.InstitutionType;
import cn.rtms.web.ExcelExport;
import cn.rtms.web.ListPage;
import cn.rtms.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The institution list: paged, sorted and filtered on the server, and its export. */
@RestController
@Tag(name = "医疗机构")
class InstitutionListController {

	private final InstitutionLists lists;

	InstitutionListController(InstitutionLists lists) {
		this.lists = lists;
	}

	@GetMapping("/api/institutions/page")
	@Operation(summary = "医疗机构列表（分页、排序、筛选；当前用户可见范围）",
			description = "q 名称模糊；regionCode 含下级区划；level 级别（TERTIARY 含三级甲/乙/丙等）；type 类别；sort 取 name、regionCode、level、type、beds，加 ,asc 或 ,desc")
	ListPage<InstitutionSummary> page(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String regionCode,
			@RequestParam(required = false) @Nullable InstitutionLevel level,
			@RequestParam(required = false) @Nullable InstitutionType type, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) @Nullable String sort) {
		return this.lists.page(new InstitutionLists.Filter(q, regionCode, level, type),
				new ListQuery(page, size, sort));
	}

	@GetMapping("/api/institutions/export.xlsx")
	@Operation(summary = "导出医疗机构列表（Excel）", description = "与 /api/institutions/page 相同的筛选与排序，最多 5000 行")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String regionCode,
			@RequestParam(required = false) @Nullable InstitutionLevel level,
			@RequestParam(required = false) @Nullable InstitutionType type,
			@RequestParam(required = false) @Nullable String sort) {
		return ExcelExport.download(this.lists.excel(new InstitutionLists.Filter(q, regionCode, level, type), sort),
				"医疗机构列表.xlsx");
	}

}
