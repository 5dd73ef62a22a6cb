package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.rules.engine.facts.PersonFacts.TitleRecord;
import cn.rtms.rules.engine.facts.PersonFacts.Training;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.Title;
import org.jspecify.annotations.Nullable;

/**
 * Derived person facts shared by several rules.
 */
final class People {

	private People() {
	}

	/** The highest title held on {@code date}, or {@code null} when none. */
	static @Nullable Title currentTitle(List<TitleRecord> titles, LocalDate date) {
		Title best = null;
		for (TitleRecord record : titles) {
			if (!record.since().isAfter(date) && (best == null || record.title().isAtLeast(best))) {
				best = record.title();
			}
		}
		return best;
	}

	/**
	 * The first date from which a title of at least {@code atLeast} was held, on or
	 * before {@code date}.
	 */
	static @Nullable LocalDate firstHeld(List<TitleRecord> titles, Title atLeast, LocalDate date) {
		LocalDate first = null;
		for (TitleRecord record : titles) {
			if (record.title().isAtLeast(atLeast) && !record.since().isAfter(date)
					&& (first == null || record.since().isBefore(first))) {
				first = record.since();
			}
		}
		return first;
	}

	/**
	 * Whether the person has a passed training of the technology finished by
	 * {@code date}: MET, NOT_MET or UNKNOWN (trainings not recorded, or a finished
	 * training whose result is not recorded).
	 */
	static Status passedTraining(PersonFacts person, String technology, LocalDate date) {
		List<Training> trainings = person.trainings();
		if (trainings == null) {
			return Status.UNKNOWN;
		}
		Status status = Status.NOT_MET;
		for (Training training : trainings) {
			if (!technology.equals(training.technology()) || !Texts.onOrBefore(training.endedOn(), date)) {
				continue;
			}
			Boolean passed = training.passed();
			if (Boolean.TRUE.equals(passed)) {
				return Status.MET;
			}
			if (passed == null) {
				status = Status.UNKNOWN;
			}
		}
		return status;
	}

}
