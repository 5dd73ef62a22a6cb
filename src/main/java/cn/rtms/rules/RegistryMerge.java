package cn.rtms.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.rtms.rules.CaseVolumeRow.Source;
import cn.rtms.rules.engine.facts.CaseVolume;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import org.jspecify.annotations.Nullable;

/**
 * Merges the case registry ({@link CaseHistory}) with the manually entered figures (see
 * docs/case-volumes.md). The registry covers a subject's (institution's or operator's)
 * technology from {@link #coverage}: the registry start, or 1 January of the year of the
 * subject's first registry case of the technology when that is later (a hospital that
 * joins the registry late keeps its manual figures for the years before). A manual figure
 * (a year or a month) stands when its period ends before the coverage start; from then on
 * only the registry counts (manual figures of those periods are superseded, shown but
 * ignored). A technology without any registry case keeps its manual figures. First cases
 * are the earlier of the manual and the registry date; the sub-techniques performed are
 * the manual ones plus those with a registry case in the 2 years up to the evaluation
 * date. Nothing known stays unknown: no manual list and no registry case gives
 * {@code null}. Pure: no clock, no database.
 */
final class RegistryMerge {

	/** How far back a registry case shows a sub-technique as performed. */
	static final int PERFORMED_YEARS = 2;

	private RegistryMerge() {
	}

	/**
	 * @param manual the manual figures, {@code null} when none are recorded
	 * @param registry the registry's monthly figures
	 * @param start the registry start
	 * @return the figures the engine reads
	 */
	static @Nullable List<CaseVolume> volumes(@Nullable List<CaseVolume> manual, List<CaseHistory.Volume> registry,
			LocalDate start) {
		if (registry.isEmpty() && manual == null) {
			return null;
		}
		List<CaseVolume> merged = new ArrayList<>();
		if (manual != null) {
			Map<String, LocalDate> coverage = coverage(registry, start);
			manual.stream().filter(v -> stands(v.technology(), v.year(), v.month(), coverage)).forEach(merged::add);
		}
		registry
			.forEach(v -> merged.add(new CaseVolume(v.technology(), v.subTechnique(), v.year(), v.month(), v.cases())));
		return merged;
	}

	/**
	 * Every figure with its source, for display: manual figures before the registry start
	 * (MANUAL), manual figures of registry periods (MANUAL_SUPERSEDED, ignored) and the
	 * registry's (REGISTRY), ordered by technology, year, month, sub-technique.
	 * @param manual the manual figures, {@code null} when none are recorded
	 * @param registry the registry's monthly figures
	 * @param start the registry start
	 * @return the rows
	 */
	static List<CaseVolumeRow> rows(@Nullable List<CaseVolume> manual, List<CaseHistory.Volume> registry,
			LocalDate start) {
		List<CaseVolumeRow> rows = new ArrayList<>();
		Map<String, LocalDate> coverage = coverage(registry, start);
		if (manual != null) {
			for (CaseVolume v : manual) {
				rows.add(new CaseVolumeRow(v.technology(), v.subTechnique(), v.year(), v.month(), v.cases(),
						stands(v.technology(), v.year(), v.month(), coverage) ? Source.MANUAL
								: Source.MANUAL_SUPERSEDED));
			}
		}
		registry.forEach(v -> rows
			.add(new CaseVolumeRow(v.technology(), v.subTechnique(), v.year(), v.month(), v.cases(), Source.REGISTRY)));
		rows.sort(Comparator.comparing(CaseVolumeRow::technology)
			.thenComparingInt(CaseVolumeRow::year)
			.thenComparing(r -> (r.month() == null) ? 0 : r.month())
			.thenComparing(r -> (r.subTechnique() == null) ? "" : r.subTechnique())
			.thenComparing(CaseVolumeRow::source));
		return rows;
	}

	/**
	 * @param volumes a subject's registry volumes
	 * @param start the registry start
	 * @return per technology with registry cases, the day from which the registry covers
	 * it: the later of {@code start} and 1 January of the year of the first case
	 */
	static Map<String, LocalDate> coverage(List<CaseHistory.Volume> volumes, LocalDate start) {
		Map<String, LocalDate> coverage = new TreeMap<>();
		for (CaseHistory.Volume v : volumes) {
			coverage.merge(v.technology(), CaseHistory.coverageStart(LocalDate.of(v.year(), v.month(), 1), start),
					(a, b) -> a.isBefore(b) ? a : b);
		}
		return coverage;
	}

	private static boolean stands(String technology, int year, @Nullable Integer month,
			Map<String, LocalDate> coverage) {
		LocalDate from = coverage.get(technology);
		return from == null || beforeRegistry(year, month, from);
	}

	/**
	 * @return whether a manual figure of the year (or of its month) lies wholly before
	 * the registry start
	 */
	static boolean beforeRegistry(int year, @Nullable Integer month, LocalDate start) {
		LocalDate end = (month == null) ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
		return end.isBefore(start);
	}

	/**
	 * @param manual manual first-case dates, {@code null} when none are recorded
	 * @param registry registry first-case dates
	 * @return per technology the earlier of the two, {@code null} when neither is known
	 */
	static @Nullable Map<String, LocalDate> firstCases(@Nullable Map<String, LocalDate> manual,
			Map<String, LocalDate> registry) {
		if (manual == null && registry.isEmpty()) {
			return null;
		}
		Map<String, LocalDate> merged = new TreeMap<>();
		if (manual != null) {
			merged.putAll(manual);
		}
		registry.forEach((technology, day) -> merged.merge(technology, day, (a, b) -> a.isBefore(b) ? a : b));
		return merged;
	}

	/**
	 * @param manual manual sub-techniques per technology, {@code null} when none are
	 * recorded
	 * @param registry the institution's registry cases
	 * @param date the evaluation date
	 * @return per technology the manual sub-techniques plus those with a registry case in
	 * the {@value #PERFORMED_YEARS} years up to {@code date}
	 */
	static @Nullable Map<String, List<String>> subTechniques(@Nullable Map<String, List<String>> manual,
			CaseHistory.InstitutionCases registry, LocalDate date) {
		Map<String, TreeSet<String>> merged = new TreeMap<>();
		if (manual != null) {
			manual.forEach((technology, codes) -> merged.computeIfAbsent(technology, k -> new TreeSet<>())
				.addAll((codes != null) ? codes : List.of()));
		}
		LocalDate since = date.minusYears(PERFORMED_YEARS);
		for (String key : registry.lastCases().keySet()) {
			int slash = key.indexOf('/');
			if (slash < 0) {
				continue;
			}
			String technology = key.substring(0, slash);
			LocalDate last = registry.lastCases().get(key);
			if (last != null && !last.isBefore(since) && !last.isAfter(date)) {
				merged.computeIfAbsent(technology, k -> new TreeSet<>()).add(key.substring(slash + 1));
			}
		}
		if (manual == null && merged.isEmpty()) {
			return null;
		}
		Map<String, List<String>> result = new LinkedHashMap<>();
		merged.forEach((technology, codes) -> result.put(technology, List.copyOf(codes)));
		return result;
	}

	/**
	 * The institution's facts with the registry merged in (its own figures and each staff
	 * member's as operator).
	 * @param facts the facts from the manual records
	 * @param cases the institution's registry cases
	 * @param operators the staff's registry volumes by person id
	 * @param start the registry start
	 * @param date the evaluation date
	 * @return the merged facts
	 */
	static InstitutionFacts institution(InstitutionFacts facts, CaseHistory.InstitutionCases cases,
			Map<String, List<CaseHistory.Volume>> operators, LocalDate start, LocalDate date) {
		List<PersonFacts> staff = (facts.staff() == null) ? null
				: facts.staff()
					.stream()
					.map(p -> person(p, operators.getOrDefault(String.valueOf(p.id()), List.of()), start))
					.toList();
		return new InstitutionFacts(facts.id(), facts.name(), facts.regionCode(), facts.level(), facts.type(),
				facts.specialty(), facts.registeredSubjects(), facts.departments(), facts.facilities(),
				facts.equipment(), facts.operatingRooms(), facts.licences(),
				firstCases(facts.firstCases(), cases.firstCases()), subTechniques(facts.subTechniques(), cases, date),
				volumes(facts.caseVolumes(), cases.volumes(), start), facts.attestations(), staff);
	}

	/**
	 * A person's facts with the registry's cases as operator merged into the
	 * independently performed cases.
	 * @param facts the facts from the manual records
	 * @param volumes the person's registry volumes
	 * @param start the registry start
	 * @return the merged facts
	 */
	static PersonFacts person(PersonFacts facts, List<CaseHistory.Volume> volumes, LocalDate start) {
		List<CaseHistory.Volume> totals = volumes.stream().filter(v -> v.subTechnique() == null).toList();
		return new PersonFacts(facts.id(), facts.name(), facts.roles(), facts.licence(), facts.titles(),
				facts.clinicalStart(), facts.specialties(), facts.trainings(),
				volumes(facts.caseVolumes(), totals, start), facts.adverseEvents(), facts.attestations(),
				facts.operatorVolumes(), facts.exemptions());
	}

}
