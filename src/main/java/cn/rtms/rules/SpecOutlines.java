package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Spec editions as {@link SpecOutline}s for other modules (the case registry), so they
 * need none of the engine's types.
 */
@Service
public class SpecOutlines {

	private final SpecificationManagement specs;

	SpecOutlines(SpecificationManagement specs) {
		this.specs = specs;
	}

	/**
	 * @return every edition, ordered by key
	 */
	public List<SpecOutline> all() {
		return this.specs.all().stream().map(SpecOutline::of).toList();
	}

	/**
	 * @param technology technology code
	 * @return its editions, oldest first
	 */
	public List<SpecOutline> editions(String technology) {
		return this.specs.editions(technology).stream().map(SpecOutline::of).toList();
	}

	/**
	 * @param technology technology code
	 * @param date the day
	 * @param regionCode the institution's region (a provincial edition applies only in
	 * its province), or null
	 * @return the edition in force, if any
	 */
	public Optional<SpecOutline> inForce(String technology, LocalDate date, @Nullable String regionCode) {
		return this.specs.inForce(technology, date, regionCode).map(SpecOutline::of);
	}

}
