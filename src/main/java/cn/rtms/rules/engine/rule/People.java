package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts.PhysicianLicence;
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

	/**
	 * Whether the person is a physician registered at {@code institution} (本医疗机构注册医师):
	 * MET or NOT_MET when the licence's registered institution is recorded and can be
	 * compared (by id when both ids are known, otherwise by name), UNKNOWN otherwise.
	 */
	static Status registeredAt(PersonFacts person, @Nullable InstitutionFacts institution) {
		PhysicianLicence licence = person.licence();
		if (licence == null || institution == null) {
			return Status.UNKNOWN;
		}
		String registeredId = licence.registeredInstitutionId();
		if (registeredId != null && institution.id() != null) {
			return registeredId.strip().equalsIgnoreCase(institution.id().strip()) ? Status.MET : Status.NOT_MET;
		}
		String registered = licence.registeredInstitution();
		if (registered != null && !registered.isBlank() && institution.name() != null) {
			return registered.strip().equals(institution.name().strip()) ? Status.MET : Status.NOT_MET;
		}
		return Status.UNKNOWN;
	}

}
