package cn.rtms.personnel.web;

import java.util.UUID;

import cn.rtms.personnel.PersonLists;
import cn.rtms.personnel.PersonSummary;
import cn.rtms.personnel.StaffRole;
import cn.rtms.personnel.Title;
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

/** The people list: paged, sorted and filtered on the server, and its export. */
@RestController
@Tag(name = "人员")
class PersonListController {

	private final PersonLists lists;

	PersonListController(PersonLists lists) {
		this.lists = lists;
	}

	@GetMapping("/api/people/page")
	@Operation(summary = "人员列表（分页、排序、筛选；当前用户可见范围）",
			description = "q 姓名模糊；institutionId 医疗机构；role 人员类别；title 现任职称；regionCode 机构所在区划（含下级）；sort 取 name、institutionName、title，加 ,asc 或 ,desc")
	ListPage<PersonSummary> page(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable StaffRole role,
			@RequestParam(required = false) @Nullable Title title,
			@RequestParam(required = false) @Nullable String regionCode, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) @Nullable String sort) {
		return this.lists.page(new PersonLists.Filter(institutionId, q, role, title, regionCode),
				new ListQuery(page, size, sort));
	}

	@GetMapping("/api/people/export.xlsx")
	@Operation(summary = "导出人员列表（Excel）", description = "与 /api/people/page 相同的筛选与排序，最多 5000 行")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable StaffRole role,
			@RequestParam(required = false) @Nullable Title title,
			@RequestParam(required = false) @Nullable String regionCode,
			@RequestParam(required = false) @Nullable String sort) {
		return ExcelExport.download(
				this.lists.excel(new PersonLists.Filter(institutionId, q, role, title, regionCode), sort), "人员列表.xlsx");
	}

}
