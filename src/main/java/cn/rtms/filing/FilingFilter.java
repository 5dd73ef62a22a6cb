package cn.rtms.filing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.rtms.filing.domain.FilingState;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the filing list (docs/lists.md), all optional and combined with AND.
 *
 * @param state one state code or several separated by commas (e.g.
 * {@code SUBMITTED,RECEIVED})
 * @param technology technology code
 * @param regionCode institutions in this region or below
 * @param q part of the institution's or the technology's name
 * @param level technology level code
 * @param submittedFrom submitted on or after
 * @param submittedTo submitted on or before
 * @param overdue only filings whose action is overdue
 */
public record FilingFilter(@Nullable String state, @Nullable String technology, @Nullable String regionCode,
		@Nullable String q, @Nullable String level, @Nullable LocalDate submittedFrom, @Nullable LocalDate submittedTo,
		boolean overdue) {

	/**
	 * Validates the states (an unknown state is a 400 naming the allowed ones).
	 */
	public FilingFilter {
		state = blankToNull(state);
		technology = blankToNull(technology);
		regionCode = blankToNull(regionCode);
		q = blankToNull(q);
		level = blankToNull(level);
		if (state != null) {
			Arrays.stream(state.split(","))
				.forEach(s -> FilingStore.parse(FilingState.class, s.strip(), "state", "备案状态"));
		}
	}

	/**
	 * @param state state filter
	 * @param technology technology filter
	 * @param regionCode region filter
	 * @return the filter of the old list parameters
	 */
	static FilingFilter of(@Nullable String state, @Nullable String technology, @Nullable String regionCode) {
		return new FilingFilter(state, technology, regionCode, null, null, null, null, false);
	}

	/**
	 * @return the states asked for, empty for all
	 */
	List<FilingState> states() {
		return this.state == null ? List.of()
				: Arrays.stream(this.state.split(",")).map(s -> FilingState.valueOf(s.strip())).toList();
	}

	boolean matches(FilingSummary s) {
		if (this.q != null) {
			String needle = this.q.toLowerCase(Locale.ROOT);
			if (!s.institutionName().toLowerCase(Locale.ROOT).contains(needle)
					&& !s.technologyName().toLowerCase(Locale.ROOT).contains(needle)) {
				return false;
			}
		}
		if (this.level != null && !this.level.equals(s.technologyLevel())) {
			return false;
		}
		if (this.submittedFrom != null && (s.submittedOn() == null || s.submittedOn().isBefore(this.submittedFrom))) {
			return false;
		}
		if (this.submittedTo != null && (s.submittedOn() == null || s.submittedOn().isAfter(this.submittedTo))) {
			return false;
		}
		return !this.overdue || s.overdue();
	}

	/**
	 * @return the filters set, for the audit entry of an export
	 */
	Map<String, Object> described() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("state", this.state);
		d.put("technology", this.technology);
		d.put("regionCode", this.regionCode);
		d.put("q", this.q);
		d.put("level", this.level);
		d.put("submittedFrom", this.submittedFrom == null ? null : this.submittedFrom.toString());
		d.put("submittedTo", this.submittedTo == null ? null : this.submittedTo.toString());
		d.put("overdue", this.overdue);
		d.values().removeIf(v -> v == null || Boolean.FALSE.equals(v));
		return d;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
