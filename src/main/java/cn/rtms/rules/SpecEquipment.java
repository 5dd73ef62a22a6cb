package cn.rtms.rules;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import cn.rtms.rules.engine.rule.AllOfRule;
import cn.rtms.rules.engine.rule.AnyOfRule;
import cn.rtms.rules.engine.rule.ApplicableWhenRule;
import cn.rtms.rules.engine.rule.EquipmentRule;
import cn.rtms.rules.engine.rule.IssueDateRule;
import cn.rtms.rules.engine.rule.Rule;
import cn.rtms.rules.engine.spec.Clause;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Which equipment kinds a technology's spec names in its equipment clauses (for the
 * equipment register's supervision alerts: a unit out of service matters when a filed
 * technology needs its kind).
 */
@Service
public class SpecEquipment {

	private final SpecificationManagement specs;

	SpecEquipment(SpecificationManagement specs) {
		this.specs = specs;
	}

	/**
	 * @param technology technology code
	 * @param date the day
	 * @param regionCode the institution's region
	 * @return the kinds of every equipment clause of the edition in force (any subject),
	 * empty without an edition in force
	 */
	public Set<String> kinds(String technology, LocalDate date, @Nullable String regionCode) {
		Set<String> kinds = new TreeSet<>();
		this.specs.inForce(technology, date, regionCode).ifPresent(spec -> {
			for (Clause clause : spec.clauses()) {
				collect(clause.rule(), kinds);
			}
		});
		return kinds;
	}

	static void collect(@Nullable Rule rule, Set<String> kinds) {
		switch (rule) {
			case null -> {
			}
			case EquipmentRule e -> {
				kinds.addAll(e.allOf());
				kinds.addAll(e.anyOf());
			}
			case AllOfRule all -> all.rules().forEach(r -> collect(r, kinds));
			case AnyOfRule any -> any.rules().forEach(r -> collect(r, kinds));
			case ApplicableWhenRule when -> collect(when.rule(), kinds);
			case IssueDateRule issue -> collect(issue.rule(), kinds);
			default -> {
			}
		}
	}

}
