package cn.rtms.cases.gate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An emergency override: a hospital system went ahead with an order (usually against a
 * DENY) and said why; the hospital's 医务科 confirms it afterwards.
 *
 * @param id the override
 * @param institutionId the hospital
 * @param physician the physician as the system sent it (person id or 医师执业证书编码)
 * @param physicianId the person it resolved to, or null
 * @param physicianName that person's name as the hospital's staff list has it now, or
 * null
 * @param procedureCode the procedure code as normalised, or null
 * @param technology the technology, or null
 * @param decision what the order-entry check answered at that moment
 * @param reasons its reasons
 * @param reason the system's (the surgeon's) reason for the override
 * @param apiKeyName the API key that recorded it
 * @param requestedAt when
 * @param status {@code UNCONFIRMED} or {@code CONFIRMED}
 * @param confirmedAt when the 医务科 confirmed it, or null
 * @param confirmedBy who confirmed it, or null
 * @param confirmationNote the confirmer's note, or null
 */
public record GateOverride(UUID id, UUID institutionId, String physician, @Nullable UUID physicianId,
		@Nullable String physicianName, @Nullable String procedureCode, @Nullable String technology, String decision,
		List<GateAnswer.Reason> reasons, String reason, String apiKeyName, Instant requestedAt, String status,
		@Nullable Instant confirmedAt, @Nullable String confirmedBy, @Nullable String confirmationNote) {

	/**
	 * @param name the physician's name
	 * @return this override with the physician's name
	 */
	public GateOverride withPhysicianName(@Nullable String name) {
		return new GateOverride(this.id, this.institutionId, this.physician, this.physicianId, name, this.procedureCode,
				this.technology, this.decision, this.reasons, this.reason, this.apiKeyName, this.requestedAt,
				this.status, this.confirmedAt, this.confirmedBy, this.confirmationNote);
	}

	/** Not yet confirmed by the 医务科. */
	public static final String UNCONFIRMED = "UNCONFIRMED";

	/** Confirmed by the 医务科. */
	public static final String CONFIRMED = "CONFIRMED";

}
