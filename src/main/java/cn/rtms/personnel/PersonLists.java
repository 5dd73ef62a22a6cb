package cn.rtms.personnel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.rtms.audit.AuditTrail;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.InstitutionSummary;
import cn.rtms.web.ExcelExport;
import cn.rtms.web.ListPage;
import cn.rtms.web.ListQuery;
import cn.rtms.web.SortKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people list (docs/lists.md): one page of the people the current user may see
 * ({@link PersonnelManagement#search}), filtered, sorted on the server, and its Excel
 * export.
 */
@Service
@Transactional(readOnly = true)
public class PersonLists {

	/** The sort keys of the people list. */
	static final SortKeys<PersonSummary> SORT = SortKeys.<PersonSummary>builder()
		.text("name", PersonSummary::name)
		.text("institutionName", PersonSummary::institutionName)
		.natural("title", PersonSummary::currentTitle)
		.defaultSort("name,asc");

	private final PersonnelManagement people;

	private final InstitutionManagement institutions;

	private final AuditTrail audit;

	PersonLists(PersonnelManagement people, InstitutionManagement institutions, AuditTrail audit) {
		this.people = people;
		this.institutions = institutions;
		this.audit = audit;
	}

	/**
	 * @param filter the filters
	 * @param query page, size, sort
	 * @return one page of the visible people
	 */
	public ListPage<PersonSummary> page(Filter filter, ListQuery query) {
		return SORT.page(rows(filter), query);
	}

	/**
	 * @param filter the filters
	 * @param sort the sort or null
	 * @return the visible people the filter shows, as .xlsx
	 */
	public byte[] excel(Filter filter, @Nullable String sort) {
		List<PersonSummary> rows = SORT.sort(rows(filter), sort);
		ExcelExport.requireWithinLimit(rows.size());
		Map<String, Object> details = new LinkedHashMap<>(filter.described());
		details.put("format", "XLSX");
		details.put("rows", rows.size());
		this.audit.recordEvent("PERSON_LIST_EXPORTED", "Person", "export", details);
		List<List<Object>> data = new ArrayList<>();
		for (PersonSummary p : rows) {
			data.add(List.of(p.name(), p.roles().stream().map(StaffRole::label).collect(Collectors.joining("、")),
					p.currentTitleLabel() == null ? "" : p.currentTitleLabel(),
					p.institutionName() == null ? "" : p.institutionName()));
		}
		return ExcelExport.write("人员", List.of("姓名", "人员类别", "现任职称", "所在医疗机构"), data);
	}

	private List<PersonSummary> rows(Filter filter) {
		List<PersonSummary> visible = this.people.search(filter.institutionId(), filter.q(), filter.role());
		if (filter.regionCode() == null || filter.regionCode().isBlank()) {
			return visible.stream().filter(filter::matches).toList();
		}
		Set<UUID> inRegion = this.institutions.search(null, filter.regionCode())
			.stream()
			.map(InstitutionSummary::id)
			.collect(Collectors.toSet());
		return visible.stream()
			.filter(p -> p.institutionId() != null && inRegion.contains(p.institutionId()))
			.filter(filter::matches)
			.toList();
	}

	/**
	 * The people list's filters.
	 *
	 * @param institutionId the institution (must be in scope)
	 * @param q part of the name
	 * @param role staff role
	 * @param title current title
	 * @param regionCode institutions in this region or below
	 */
	public record Filter(@Nullable UUID institutionId, @Nullable String q, @Nullable StaffRole role,
			@Nullable Title title, @Nullable String regionCode) {

		boolean matches(PersonSummary p) {
			return this.title == null || p.currentTitle() == this.title;
		}

		Map<String, Object> described() {
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("institutionId", this.institutionId == null ? null : this.institutionId.toString());
			d.put("q", this.q);
			d.put("role", this.role == null ? null : this.role.name());
			d.put("title", this.title == null ? null : this.title.name());
			d.put("regionCode", this.regionCode);
			d.values().removeIf(v -> v == null);
			return d;
		}

	}

}
