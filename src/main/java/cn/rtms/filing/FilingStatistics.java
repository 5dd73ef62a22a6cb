package cn.rtms.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.filing.domain.FilingCounts;
import cn.rtms.filing.domain.FilingState;
import cn.rtms.filing.domain.WorkingDayCalendar;
import cn.rtms.filing.domain.WorkingDayDeadlines;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.RegionHierarchy;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.Region;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of filings for the home pages (工作台, docs/workbench.md), always in the current
 * user's scope taken from the session: the own institution's filings per state, the
 * filings of an authority's region grouped by state, technology and district (submitted
 * ones only: authorities do not see hospitals' unsubmitted drafts), and the inbox with
 * the working days left to each due date.
 */
@Service
@Transactional(readOnly = true)
public class FilingStatistics {

	/**
	 * States a hospital has not submitted yet: not counted in an authority's statistics.
	 */
	private static final Set<FilingState> UNSUBMITTED = EnumSet.of(FilingState.DRAFT, FilingState.SELF_ASSESSED);

	private final FilingCounts counts;

	private final FilingQueries queries;

	private final FilingStore store;

	private final IdentityManagement identity;

	private final AccessPolicy access;

	private final RegionHierarchy regions;

	private final InstitutionManagement institutions;

	private final CatalogManagement catalog;

	private final WorkingDayCalendar calendar;

	FilingStatistics(FilingCounts counts, FilingQueries queries, FilingStore store, IdentityManagement identity,
			AccessPolicy access, RegionHierarchy regions, InstitutionManagement institutions, CatalogManagement catalog,
			WorkingDayDeadlines deadlines) {
		this.counts = counts;
		this.queries = queries;
		this.store = store;
		this.identity = identity;
		this.access = access;
		this.regions = regions;
		this.institutions = institutions;
		this.catalog = catalog;
		this.calendar = deadlines.calendar();
	}

	/**
	 * @return the current user's institution's filings per state code (every state, zero
	 * when none)
	 * @throws AccessDenied for users without an institution
	 */
	public Map<String, Long> ownInstitutionByState() {
		CurrentUser user = this.identity.currentUser();
		UUID institutionId = user.institutionId();
		if (!user.role().isInstitutional() || institutionId == null) {
			throw new AccessDenied("当前角色（" + user.role().label() + "）没有所属医疗机构");
		}
		Map<FilingState, Long> byState = this.counts.byState(institutionId);
		Map<String, Long> result = new LinkedHashMap<>();
		for (FilingState state : FilingState.values()) {
			result.put(state.name(), byState.getOrDefault(state, 0L));
		}
		return result;
	}

	/**
	 * The submitted filings of the institutions in the current authority's region (the
	 * whole tree for the system administrator), counted in SQL.
	 * @return totals by state, technology and district
	 * @throws AccessDenied for roles other than authorities and the system administrator
	 */
	public RegionStatistics region() {
		CurrentUser user = this.access.requireRole(Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY,
				Role.SYSTEM_ADMIN);
		Map<String, String> names = new HashMap<>();
		flatten(this.institutions.regionTree(), names);
		String root = user.regionCode();
		Map<String, String> districtOf = new HashMap<>();
		for (String code : names.keySet()) {
			List<String> ancestry = this.regions.ancestry(code);
			if (ancestry.isEmpty()) {
				continue;
			}
			String top = root != null ? root : ancestry.getLast();
			int at = ancestry.indexOf(top);
			if (at < 0 || (root != null && !this.access.coversRegion(user, code))) {
				continue;
			}
			districtOf.put(code, at == 0 ? code : ancestry.get(at - 1));
		}
		if (root == null) {
			root = names.keySet().stream().filter(c -> this.regions.ancestry(c).size() == 1).findFirst().orElse("");
		}
		Set<FilingState> submitted = EnumSet.complementOf(EnumSet.copyOf(UNSUBMITTED));
		List<FilingCounts.Group> groups = this.counts.grouped(districtOf.keySet(), submitted);
		Map<String, Long> byState = new LinkedHashMap<>();
		for (FilingState state : FilingState.values()) {
			if (!UNSUBMITTED.contains(state)) {
				byState.put(state.name(), 0L);
			}
		}
		Map<String, Long> byTechnology = new HashMap<>();
		Map<String, Long> byDistrict = new HashMap<>();
		long total = 0;
		for (FilingCounts.Group g : groups) {
			total += g.count();
			byState.merge(g.state().name(), g.count(), Long::sum);
			byTechnology.merge(g.technology(), g.count(), Long::sum);
			byDistrict.merge(districtOf.get(g.regionCode()), g.count(), Long::sum);
		}
		String rootCode = root;
		List<Count> states = byState.entrySet()
			.stream()
			.map(e -> new Count(e.getKey(), FilingState.valueOf(e.getKey()).label(), e.getValue()))
			.toList();
		List<Count> technologies = new ArrayList<>();
		for (RestrictedTechnology t : this.catalog.technologies()) {
			Long n = byTechnology.get(t.code());
			if (n != null) {
				technologies.add(new Count(t.code(), t.name(), n));
			}
		}
		List<Count> districts = byDistrict.entrySet()
			.stream()
			.map(e -> new Count(e.getKey(),
					e.getKey().equals(rootCode) ? names.getOrDefault(rootCode, rootCode) + "本级"
							: names.getOrDefault(e.getKey(), e.getKey()),
					e.getValue()))
			.sorted(Comparator.comparing(Count::code))
			.toList();
		return new RegionStatistics(rootCode, names.getOrDefault(rootCode, rootCode), total, states, technologies,
				districts);
	}

	/**
	 * The current user's inbox ({@link FilingQueries#inbox}) with the working days left
	 * to each due date, counted on the filing module's working-day calendar.
	 * @return the items, overdue first
	 */
	public List<InboxDeadline> inboxDeadlines() {
		LocalDate today = this.store.today();
		return this.queries.inbox().stream().map(item -> {
			FilingSummary f = item.filing();
			Integer left = item.dueOn() == null ? null : workingDaysBetween(this.calendar, today, item.dueOn());
			return new InboxDeadline(f.id(), f.institutionName(), f.technology(), f.technologyName(), f.state(),
					f.stateLabel(), item.action(), item.actionLabel(), item.dueOn(), left, item.overdue());
		}).toList();
	}

	/**
	 * @return working days after {@code from} up to and including {@code to}; negative
	 * (the working days after {@code to} up to and including {@code from}) when
	 * {@code to} lies before {@code from}
	 */
	static int workingDaysBetween(WorkingDayCalendar calendar, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(calendar, to, from);
		}
		int n = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (calendar.isWorkingDay(d)) {
				n++;
			}
		}
		return n;
	}

	private static void flatten(Collection<Region> regions, Map<String, String> names) {
		for (Region r : regions) {
			names.put(r.code(), r.name());
			flatten(r.children(), names);
		}
	}

	/**
	 * A count under a code with its Chinese label.
	 *
	 * @param code state, technology or region code
	 * @param label in Chinese
	 * @param count number of filings
	 */
	public record Count(String code, String label, long count) {
	}

	/**
	 * The submitted filings of a region.
	 *
	 * @param regionCode the authority's region
	 * @param regionName its name
	 * @param total all submitted filings
	 * @param byState per state (every state after submission, zero included)
	 * @param byTechnology per technology with filings, catalogue order
	 * @param byDistrict per child region (the region's own institutions as 「…本级」)
	 */
	public record RegionStatistics(String regionCode, String regionName, long total, List<Count> byState,
			List<Count> byTechnology, List<Count> byDistrict) {
	}

	/**
	 * An inbox item with its deadline in working days.
	 *
	 * @param filingId the filing
	 * @param institutionName its institution
	 * @param technology technology code
	 * @param technologyName its name
	 * @param state state code
	 * @param stateLabel in Chinese
	 * @param action what to do (inbox task code)
	 * @param actionLabel in Chinese
	 * @param dueOn last day to act, null without a time limit
	 * @param workingDaysLeft working days from today to the due date (0 due today,
	 * negative when overdue), null without a time limit
	 * @param overdue past due
	 */
	public record InboxDeadline(UUID filingId, String institutionName, String technology, String technologyName,
			String state, String stateLabel, String action, String actionLabel, @Nullable LocalDate dueOn,
			@Nullable Integer workingDaysLeft, boolean overdue) {
	}

}
