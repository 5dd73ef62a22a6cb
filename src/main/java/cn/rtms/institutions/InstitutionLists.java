package cn.rtms.institutions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.audit.AuditTrail;
import cn.rtms.web.ExcelExport;
import cn.rtms.web.ListPage;
import cn.rtms.web.ListQuery;
import cn.rtms.web.SortKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institution list (docs/lists.md): one page of the institutions the current user may
 * see ({@link InstitutionManagement#search}), filtered, sorted on the server, and its
 * Excel export.
 */
@Service
@Transactional(readOnly = true)
public class InstitutionLists {

	/** The sort keys of the institution list. */
	static final SortKeys<InstitutionSummary> SORT = SortKeys.<InstitutionSummary>builder()
		.text("name", InstitutionSummary::name)
		.text("regionCode", InstitutionSummary::regionCode)
		.natural("level", InstitutionSummary::level)
		.natural("type", InstitutionSummary::type)
		.natural("beds", InstitutionSummary::beds)
		.defaultSort("name,asc");

	private final InstitutionManagement institutions;

	private final AuditTrail audit;

	InstitutionLists(InstitutionManagement institutions, AuditTrail audit) {
		this.institutions = institutions;
		this.audit = audit;
	}

	/**
	 * @param filter the filters
	 * @param query page, size, sort
	 * @return one page of the visible institutions
	 */
	public ListPage<InstitutionSummary> page(Filter filter, ListQuery query) {
		return SORT.page(rows(filter), query);
	}

	/**
	 * @param filter the filters
	 * @param sort the sort or null
	 * @return the visible institutions the filter shows, as .xlsx
	 */
	public byte[] excel(Filter filter, @Nullable String sort) {
		List<InstitutionSummary> rows = SORT.sort(rows(filter), sort);
		ExcelExport.requireWithinLimit(rows.size());
		Map<String, Object> details = new LinkedHashMap<>(filter.described());
		details.put("format", "XLSX");
		details.put("rows", rows.size());
		this.audit.recordEvent("INSTITUTION_LIST_EXPORTED", "Institution", "export", details);
		List<List<Object>> data = new ArrayList<>();
		for (InstitutionSummary i : rows) {
			data.add(List.of(i.name(), i.regionName(), i.regionCode(), i.levelLabel(), i.typeLabel(),
					i.beds() == null ? "" : i.beds()));
		}
		return ExcelExport.write("医疗机构", List.of("机构名称", "所在行政区划", "区划代码", "级别", "类别", "床位数"), data);
	}

	private List<InstitutionSummary> rows(Filter filter) {
		return this.institutions.search(filter.q(), filter.regionCode()).stream().filter(filter::matches).toList();
	}

	/**
	 * The institution list's filters.
	 *
	 * @param q part of the name
	 * @param regionCode region, including the regions below it
	 * @param level level code; a grade without class ({@code TERTIARY}) also matches its
	 * classes ({@code TERTIARY_A}…)
	 * @param type type
	 */
	public record Filter(@Nullable String q, @Nullable String regionCode, @Nullable InstitutionLevel level,
			@Nullable InstitutionType type) {

		boolean matches(InstitutionSummary i) {
			if (this.level != null && i.level() != this.level
					&& !i.level().name().startsWith(this.level.name() + "_")) {
				return false;
			}
			return this.type == null || i.type() == this.type;
		}

		Map<String, Object> described() {
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("q", this.q);
			d.put("regionCode", this.regionCode);
			d.put("level", this.level == null ? null : this.level.name());
			d.put("type", this.type == null ? null : this.type.name());
			d.values().removeIf(v -> v == null);
			return d;
		}

	}

}
