package cn.rtms.seeds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The read models of the seed ledger. */
public final class SeedViews {

	private SeedViews() {
	}

	/**
	 * An isotope as the ledger knows it.
	 *
	 * @param code e.g. {@code I-125}
	 * @param name e.g. 碘-125
	 * @param halfLifeDays half-life in days
	 */
	public record Isotope(String code, String name, BigDecimal halfLifeDays) {
	}

	/**
	 * A lot with its live balances.
	 *
	 * @param id lot id
	 * @param institutionId the institution holding it
	 * @param institutionName its name
	 * @param isotope isotope code
	 * @param isotopeName isotope name
	 * @param halfLifeDays the isotope's half-life
	 * @param supplier 供货单位
	 * @param nmpaApproval NMPA approval (registration) number of the seed product
	 * @param lotNo 批号
	 * @param activityMci activity per seed at the calibration date, mCi
	 * @param calibrationDate 标定日期
	 * @param receivedOn 入库日期
	 * @param storageLocation 储存位置 now: of the latest relocation (转移) not cancelled, else
	 * the receipt's
	 * @param custodianId the person in charge now (专人负责, G07 一(四)4), derived the same way
	 * @param custodianName their name
	 * @param received seeds received (net of corrections)
	 * @param inStock seeds in the store now
	 * @param outstanding seeds issued and not yet accounted for (implanted, returned or
	 * lost)
	 * @param activityToday activity per seed today, mCi
	 * @param lastCountedOn day of the last physical count, null when never counted
	 * @param lastDiscrepancy counted − expected at the last count, null when never
	 * counted
	 * @param countDueOn the day the next count is due (6 months after the last, or after
	 * receipt)
	 * @param countOverdue whether that day has passed while seeds are held
	 */
	public record Lot(UUID id, UUID institutionId, @Nullable String institutionName, String isotope, String isotopeName,
			BigDecimal halfLifeDays, String supplier, String nmpaApproval, String lotNo, BigDecimal activityMci,
			LocalDate calibrationDate, LocalDate receivedOn, String storageLocation, UUID custodianId,
			String custodianName, int received, int inStock, int outstanding, BigDecimal activityToday,
			@Nullable LocalDate lastCountedOn, @Nullable Integer lastDiscrepancy, LocalDate countDueOn,
			boolean countOverdue) {
	}

	/**
	 * One ledger entry.
	 *
	 * @param id entry id
	 * @param seq order of entry in the ledger
	 * @param lotId the lot
	 * @param kind what moved
	 * @param kindLabel its Chinese label
	 * @param quantity how many seeds
	 * @param sign 1, or −1 for a compensating entry
	 * @param issueId the issue (领用) it belongs to
	 * @param caseId the G07 case it is linked to
	 * @param correctsId the entry a compensating entry cancels
	 * @param correctedById the compensating entry that cancelled this one
	 * @param note remark
	 * @param actorName who recorded it (from the session)
	 * @param occurredAt when (from the clock)
	 * @param storageLocation for a relocation (转移): the new storage place
	 * @param custodianName for a relocation: the new custodian
	 */
	public record Movement(UUID id, long seq, UUID lotId, MovementKind kind, String kindLabel, int quantity, int sign,
			@Nullable UUID issueId, @Nullable UUID caseId, @Nullable UUID correctsId, @Nullable UUID correctedById,
			@Nullable String note, String actorName, Instant occurredAt, @Nullable String storageLocation,
			@Nullable String custodianName) {
	}

	/**
	 * A ledger entry as a G07 case shows it.
	 *
	 * @param id entry id
	 * @param seq order of entry in the ledger
	 * @param lotId the lot
	 * @param lotNo its lot number (批号)
	 * @param isotope its isotope
	 * @param kind what moved
	 * @param kindLabel its Chinese label
	 * @param quantity how many seeds
	 * @param sign 1, or −1 for a compensating entry
	 * @param issueId the issue (领用) it belongs to
	 * @param linked whether the entry names the case itself (else it belongs to an issue
	 * that does)
	 * @param correctedById the compensating entry that cancelled this one
	 * @param note remark
	 * @param actorName who recorded it
	 * @param occurredAt when
	 */
	public record CaseSeedEntry(UUID id, long seq, UUID lotId, String lotNo, String isotope, MovementKind kind,
			String kindLabel, int quantity, int sign, @Nullable UUID issueId, boolean linked,
			@Nullable UUID correctedById, @Nullable String note, String actorName, Instant occurredAt) {
	}

	/**
	 * An issue (领用) and how it is accounted for: issued = implanted + returned + lost +
	 * leaked + outstanding.
	 *
	 * @param issueId the ISSUED entry
	 * @param caseId the G07 case
	 * @param issuedAt when
	 * @param issued seeds issued
	 * @param implanted seeds implanted
	 * @param returned seeds returned to the store
	 * @param lost seeds lost or leaking during the procedure
	 * @param outstanding not yet accounted for
	 */
	public record Issue(UUID issueId, @Nullable UUID caseId, Instant issuedAt, int issued, int implanted, int returned,
			int lost, int outstanding) {
	}

	/**
	 * A physical count.
	 *
	 * @param id count id
	 * @param countedOn the day
	 * @param expected the ledger's store balance then
	 * @param counted seeds found
	 * @param discrepancy counted − expected
	 * @param note remark
	 * @param actorName who counted (from the session)
	 * @param recordedAt when recorded
	 */
	public record Count(UUID id, LocalDate countedOn, int expected, int counted, int discrepancy, @Nullable String note,
			String actorName, Instant recordedAt) {
	}

	/**
	 * A lot's ledger.
	 *
	 * @param lot the lot and its balances
	 * @param activityDate the day {@code activityOnDate} is for
	 * @param activityOnDate activity per seed on that day, mCi
	 * @param movements every entry, in order
	 * @param issues the issues and their reconciliation
	 * @param counts the physical counts, newest first
	 */
	public record LotLedger(Lot lot, LocalDate activityDate, BigDecimal activityOnDate, List<Movement> movements,
			List<Issue> issues, List<Count> counts) {
	}

	/**
	 * A loss or leakage incident and the emergency plan's steps.
	 *
	 * @param id incident id
	 * @param institutionId the institution
	 * @param institutionName its name
	 * @param lotId the lot
	 * @param lotNo its number
	 * @param movementId the LOST or LEAKED entry that opened it
	 * @param kind LOST or LEAKED
	 * @param kindLabel its label
	 * @param quantity seeds concerned
	 * @param openedAt when opened
	 * @param closedAt when closed (the last step ticked, or the entry cancelled), null
	 * while open
	 * @param cancelledReason the correction's reason when the entry that opened it was
	 * cancelled as a mistake (冲正), else null
	 * @param steps the plan's steps, in order
	 */
	public record Incident(UUID id, UUID institutionId, @Nullable String institutionName, UUID lotId, String lotNo,
			UUID movementId, MovementKind kind, String kindLabel, int quantity, Instant openedAt,
			@Nullable Instant closedAt, @Nullable String cancelledReason, List<Step> steps) {
	}

	/**
	 * One step of the emergency plan for an incident.
	 *
	 * @param code step code, e.g. {@code ISOLATE}
	 * @param label what, in Chinese
	 * @param guidance how, in Chinese
	 * @param done whether ticked
	 * @param actorName who ticked it
	 * @param doneAt when
	 * @param note what was done
	 */
	public record Step(String code, String label, String guidance, boolean done, @Nullable String actorName,
			@Nullable Instant doneAt, @Nullable String note) {
	}

}
