package cn.rtms.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A check another module contributes to the supervision alerts: the module that owns the
 * data (the equipment register, the seed ledger) finds what is wrong and supervision
 * keeps the inbox, the scope, the acknowledgements and the audit. Every bean of this type
 * runs in each refresh, as the system user, after supervision's own check of the same
 * {@link #kind()}; its findings are reconciled with the open alerts of that kind (a
 * finding no longer reported closes its alert).
 */
public interface AlertSource {

	/**
	 * The kind of the alerts this source raises; all its findings must be of this kind.
	 * @return the kind
	 */
	AlertKind kind();

	/**
	 * Finds what is wrong today for the given institutions.
	 * @param institutionIds the institutions in scope of this refresh (never empty)
	 * @param today the day of the refresh, from the injected clock
	 * @return the findings, each with a key stable across refreshes (e.g.
	 * {@code EQUIPMENT:OVERDUE:<equipment id>}) and unique within the kind
	 */
	List<AlertFinding> findings(Set<UUID> institutionIds, LocalDate today);

}
