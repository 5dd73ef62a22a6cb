package cn.rtms.authorization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.rtms.audit.AuditTrail;
import cn.rtms.authorization.domain.AuthorizationStatus;
import cn.rtms.web.ExcelExport;
import cn.rtms.web.ListPage;
import cn.rtms.web.ListQuery;
import cn.rtms.web.SortKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authorization ledger as a list (docs/lists.md): one page of the authorizations the
 * current user may read ({@link AuthorizationManagement#search}), filtered, sorted on the
 * server, and its Excel export.
 */
@Service
@Transactional(readOnly = true)
public class AuthorizationLists {

	/** The sort keys of the authorization list. */
	static final SortKeys<AuthorizationDetails> SORT = SortKeys.<AuthorizationDetails>builder()
		.text("personName", AuthorizationDetails::personName)
		.text("institutionName", AuthorizationDetails::institutionName)
		.text("technology", AuthorizationDetails::technologyName)
		.text("status", AuthorizationDetails::statusLabel)
		.natural("validFrom", AuthorizationDetails::validFrom)
		.natural("validUntil", AuthorizationDetails::validUntil)
		.natural("createdAt", AuthorizationDetails::createdAt)
		.defaultSort("createdAt,desc");

	private final AuthorizationManagement authorizations;

	private final AuditTrail audit;

	AuthorizationLists(AuthorizationManagement authorizations, AuditTrail audit) {
		this.authorizations = authorizations;
		this.audit = audit;
	}

	/**
	 * @param filter the filters
	 * @param query page, size, sort
	 * @return one page of the visible authorizations
	 */
	public ListPage<AuthorizationDetails> page(Filter filter, ListQuery query) {
		return SORT.page(rows(filter), query);
	}

	/**
	 * @param filter the filters
	 * @param sort the sort or null
	 * @return the visible authorizations the filter shows, as .xlsx
	 */
	public byte[] excel(Filter filter, @Nullable String sort) {
		List<AuthorizationDetails> rows = SORT.sort(rows(filter), sort);
		ExcelExport.requireWithinLimit(rows.size());
		Map<String, Object> details = new LinkedHashMap<>(filter.described());
		details.put("format", "XLSX");
		details.put("rows", rows.size());
		this.audit.recordEvent("AUTHORIZATION_LIST_EXPORTED", "Authorization", "export", details);
		List<List<Object>> data = new ArrayList<>();
		for (AuthorizationDetails a : rows) {
			data.add(List.of(a.personName(), a.institutionName(), a.technologyName(),
					a.subTechniques()
						.stream()
						.map(AuthorizationDetails.SubTechnique::name)
						.collect(Collectors.joining("、")),
					a.statusLabel(), a.effective() ? "是" : "否", a.validFrom().toString(), a.validUntil().toString(),
					a.createdByName(), a.decidedByName() == null ? "" : a.decidedByName()));
		}
		return ExcelExport.write("授权", List.of("医师", "医疗机构", "技术", "术式", "状态", "当前有效", "生效日期", "截止日期", "申请人", "审批人"),
				data);
	}

	private List<AuthorizationDetails> rows(Filter filter) {
		return this.authorizations
			.search(filter.institutionId(), filter.personId(), filter.technology(), filter.status(), filter.effective())
			.stream()
			.filter(filter::matches)
			.toList();
	}

	/**
	 * The authorization list's filters.
	 *
	 * @param institutionId institution (in scope)
	 * @param personId physician
	 * @param technology technology code
	 * @param status state
	 * @param effective only those effective today
	 * @param q part of the physician's name
	 * @param expiresFrom valid until on or after
	 * @param expiresTo valid until on or before
	 */
	public record Filter(@Nullable UUID institutionId, @Nullable UUID personId, @Nullable String technology,
			@Nullable AuthorizationStatus status, boolean effective, @Nullable String q,
			@Nullable LocalDate expiresFrom, @Nullable LocalDate expiresTo) {

		/**
		 * Normalises blanks.
		 */
		public Filter {
			technology = (technology == null || technology.isBlank()) ? null : technology.strip();
			q = (q == null || q.isBlank()) ? null : q.strip();
		}

		boolean matches(AuthorizationDetails a) {
			if (this.q != null && !a.personName().toLowerCase(Locale.ROOT).contains(this.q.toLowerCase(Locale.ROOT))) {
				return false;
			}
			if (this.expiresFrom != null && a.validUntil().isBefore(this.expiresFrom)) {
				return false;
			}
			return this.expiresTo == null || !a.validUntil().isAfter(this.expiresTo);
		}

		Map<String, Object> described() {
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("institutionId", this.institutionId == null ? null : this.institutionId.toString());
			d.put("personId", this.personId == null ? null : this.personId.toString());
			d.put("technology", this.technology);
			d.put("status", this.status == null ? null : this.status.name());
			d.put("effective", this.effective ? Boolean.TRUE : null);
			d.put("q", this.q);
			d.put("expiresFrom", this.expiresFrom == null ? null : this.expiresFrom.toString());
			d.put("expiresTo", this.expiresTo == null ? null : this.expiresTo.toString());
			d.values().removeIf(v -> v == null);
			return d;
		}

	}

}
