package cn.rtms.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One alert as the current user sees it.
 *
 * @param id the alert
 * @param kind its kind ({@link AlertKind})
 * @param kindLabel the kind in Chinese
 * @param severity HIGH, MEDIUM or LOW
 * @param severityLabel in Chinese
 * @param status the status for the viewer's side ({@link AlertStatus})
 * @param statusLabel in Chinese
 * @param institutionId the institution concerned
 * @param institutionName its name
 * @param regionCode its region
 * @param regionName the region's name
 * @param technology technology code, when the alert concerns one
 * @param technologyName its name
 * @param title short title
 * @param message what was found
 * @param evidence facts and the link to the evidence page
 * @param firstSeen the day the condition was first found
 * @param lastSeen the last day a run found it
 * @param closedOn the day a run no longer found it, while closed
 * @param acknowledgements the acknowledgements of the current episode (hospital and
 * authorities), oldest first
 * @param history what happened to the alert, oldest first (detail only; empty in lists)
 * @param canAcknowledge whether the current user may acknowledge it now
 */
public record AlertView(UUID id, String kind, String kindLabel, String severity, String severityLabel, String status,
		String statusLabel, UUID institutionId, String institutionName, String regionCode, @Nullable String regionName,
		@Nullable String technology, @Nullable String technologyName, String title, String message, Evidence evidence,
		LocalDate firstSeen, LocalDate lastSeen, @Nullable LocalDate closedOn,
		List<AlertAcknowledgement> acknowledgements, List<AlertEvent> history, boolean canAcknowledge) {

	/**
	 * One side's acknowledgement.
	 *
	 * @param party INSTITUTION (the hospital) or the acknowledging authority's region
	 * @param partyLabel e.g. 医疗机构 or 长春市卫生健康行政部门
	 * @param userName who acknowledged
	 * @param roleLabel their role
	 * @param note the note
	 * @param at when
	 */
	public record AlertAcknowledgement(String party, String partyLabel, String userName, String roleLabel, String note,
			Instant at) {
	}

	/**
	 * One event of the alert's life.
	 *
	 * @param event RAISED, UPDATED, CLOSED, REOPENED or ACKNOWLEDGED
	 * @param eventLabel in Chinese
	 * @param at when
	 * @param actorName who (系统自动检查 for the job)
	 * @param note the acknowledgement's note, or what the run found
	 */
	public record AlertEvent(String event, String eventLabel, Instant at, String actorName, @Nullable String note) {
	}

}
