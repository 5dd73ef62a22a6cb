package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the equipment register knows of an institution's equipment (service provider
 * interface like {@link CaseHistory}, ADR 0031): declared here, implemented by the
 * equipment module, so that rules never depends on it. For a kind the register holds at
 * least one unit of, only the usable units count (in service and nothing overdue) and the
 * verdict names the units not counted and why; kinds the register does not hold keep the
 * count declared in the institution record. Without an implementation the declared counts
 * stand.
 */
public interface EquipmentRegisterSource {

	/**
	 * A revision of the institution's register, changed in the same transaction as any of
	 * its units, schedules or records: part of the eligibility cache key (whether a
	 * schedule is overdue depends on the date, which is part of the key too).
	 * @param institutionId the institution
	 * @return the revision, 0 when it has no register
	 */
	long revision(UUID institutionId);

	/**
	 * @param institutionId the institution
	 * @param date the evaluation date (overdue is judged on it)
	 * @return every unit of the institution's register, usable or not
	 */
	List<Unit> units(UUID institutionId, LocalDate date);

	/**
	 * @param date the evaluation date
	 * @return {@link #units} of every institution with a register (for sweeps)
	 */
	Map<UUID, List<Unit>> allUnits(LocalDate date);

	/**
	 * One unit of the register.
	 *
	 * @param kind equipment code as the specs name it (e.g. {@code DSA})
	 * @param name how the unit is named in explanations, e.g. "Artis zee（序列号 SN-1）"
	 * @param model the model
	 * @param notCounted why the unit is not usable on the date (e.g. "停用", "维护逾期（应于
	 * 2026-10-01 前）"), {@code null} when it is usable
	 */
	record Unit(String kind, String name, @Nullable String model, @Nullable String notCounted) {

		/**
		 * Checks the required parts.
		 */
		public Unit {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(name, "name");
		}

		/**
		 * @return whether the unit counts
		 */
		public boolean usable() {
			return this.notCounted == null;
		}

	}

}
