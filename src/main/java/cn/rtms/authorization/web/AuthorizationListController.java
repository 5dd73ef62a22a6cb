package cn.rtms.authorization.web;

import java.time.LocalDate;
import java.util.UUID;

import cn.rtms.authorization.AuthorizationDetails;
import cn.rtms.authorization.AuthorizationLists;
import cn.rtms.authorization.domain.AuthorizationStatus;
import cn.rtms.web.ExcelExport;
import cn.rtms.web.ListPage;
import cn.rtms.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The authorization ledger: paged, sorted and filtered on the server, and its export. */
@RestController
@Tag(name = "授权")
class AuthorizationListController {

	private final AuthorizationLists lists;

	AuthorizationListController(AuthorizationLists lists) {
		this.lists = lists;
	}

	@GetMapping("/api/authorizations/page")
	@Operation(summary = "授权台账（分页、排序、筛选；当前用户可见范围）",
			description = "q 医师姓名模糊；expiresFrom/expiresTo 截止日期区间；sort 取 personName、institutionName、technology、status、validFrom、validUntil、createdAt，加 ,asc 或 ,desc")
	ListPage<AuthorizationDetails> page(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable UUID personId,
			@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable AuthorizationStatus status,
			@RequestParam(defaultValue = "false") boolean effective, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate expiresFrom,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate expiresTo,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(required = false) @Nullable String sort) {
		return this.lists.page(new AuthorizationLists.Filter(institutionId, personId, technology, status, effective, q,
				expiresFrom, expiresTo), new ListQuery(page, size, sort));
	}

	@GetMapping("/api/authorizations/export.xlsx")
	@Operation(summary = "导出授权台账（Excel）", description = "与 /api/authorizations/page 相同的筛选与排序，最多 5000 行")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable UUID personId,
			@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable AuthorizationStatus status,
			@RequestParam(defaultValue = "false") boolean effective, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate expiresFrom,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate expiresTo,
			@RequestParam(required = false) @Nullable String sort) {
		return ExcelExport.download(this.lists.excel(new AuthorizationLists.Filter(institutionId, personId, technology,
				status, effective, q, expiresFrom, expiresTo), sort), "授权台账.xlsx");
	}

}
