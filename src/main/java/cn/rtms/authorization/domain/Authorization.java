package cn.rtms.authorization.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.rtms.authorization.AuthorizationGranted;
import cn.rtms.authorization.AuthorizationRejected;
import cn.rtms.authorization.AuthorizationRevoked;
import org.jspecify.annotations.Nullable;

/**
 * One physician's authorization for one technology at one institution. PENDING → GRANTED
 * or REJECTED; GRANTED → REVOKED. Only a PENDING record's terms can change; a granted
 * record is never edited, only revoked with a reason. {@code version} is the version
 * loaded from the store (optimistic locking).
 */
public final class Authorization {

	private final UUID id;

	private final UUID personId;

	private final UUID institutionId;

	private AuthorizationTerms terms;

	private AuthorizationStatus status;

	private final Actor createdBy;

	private final Instant createdAt;

	private @Nullable Actor decidedBy;

	private @Nullable Instant decidedAt;

	private @Nullable String rejectionReason;

	private @Nullable String eligibilitySpecKey;

	private @Nullable String eligibilityStatus;

	private @Nullable Actor revokedBy;

	private @Nullable Instant revokedAt;

	private @Nullable String revocationReason;

	private final int version;

	private final List<Object> events = new ArrayList<>();

	private Authorization(Snapshot s) {
		this.id = s.id();
		this.personId = s.personId();
		this.institutionId = s.institutionId();
		this.terms = s.terms();
		this.status = s.status();
		this.createdBy = s.createdBy();
		this.createdAt = s.createdAt();
		this.decidedBy = s.decidedBy();
		this.decidedAt = s.decidedAt();
		this.rejectionReason = s.rejectionReason();
		this.eligibilitySpecKey = s.eligibilitySpecKey();
		this.eligibilityStatus = s.eligibilityStatus();
		this.revokedBy = s.revokedBy();
		this.revokedAt = s.revokedAt();
		this.revocationReason = s.revocationReason();
		this.version = s.version();
	}

	/**
	 * A new PENDING record.
	 * @param personId the physician
	 * @param institutionId the institution where the physician is registered
	 * @param terms what is asked for
	 * @param by who creates it (the physician or the clerk)
	 * @param at when
	 * @return the record
	 */
	public static Authorization apply(UUID personId, UUID institutionId, AuthorizationTerms terms, Actor by,
			Instant at) {
		return new Authorization(new Snapshot(UUID.randomUUID(), personId, institutionId, terms,
				AuthorizationStatus.PENDING, by, at, null, null, null, null, null, null, null, null, 0));
	}

	/**
	 * Rebuilds a stored record.
	 * @param snapshot the stored state
	 * @return the record
	 */
	public static Authorization restore(Snapshot snapshot) {
		return new Authorization(snapshot);
	}

	/**
	 * Changes what is asked for.
	 * @param newTerms the new terms
	 * @throws AuthorizationNotEditable unless PENDING
	 */
	public void amend(AuthorizationTerms newTerms) {
		checkEditable();
		this.terms = newTerms;
	}

	/**
	 * @throws AuthorizationNotEditable unless PENDING
	 */
	public void checkEditable() {
		if (this.status != AuthorizationStatus.PENDING) {
			throw new AuthorizationNotEditable(this.status);
		}
	}

	/**
	 * Checks the state before the (costly) eligibility evaluation.
	 * @throws InvalidTransition unless PENDING
	 */
	public void checkGrantable() {
		if (this.status != AuthorizationStatus.PENDING) {
			throw new InvalidTransition(this.status, AuthorizationStatus.GRANTED);
		}
	}

	/**
	 * Grants the record. The caller has checked eligibility and that no other grant
	 * overlaps.
	 * @param by the hospital admin
	 * @param at when
	 * @param specKey the spec edition the eligibility verdict used
	 * @param verdict the verdict (MET)
	 * @throws InvalidTransition unless PENDING
	 */
	public void grant(Actor by, Instant at, String specKey, String verdict) {
		transition(AuthorizationStatus.PENDING, AuthorizationStatus.GRANTED);
		this.decidedBy = by;
		this.decidedAt = at;
		this.eligibilitySpecKey = specKey;
		this.eligibilityStatus = verdict;
		this.events.add(new AuthorizationGranted(this.id, this.personId, this.institutionId, this.terms.technology(),
				this.terms.subTechniques(), this.terms.validFrom(), this.terms.validUntil()));
	}

	/**
	 * Refuses the record.
	 * @param by the hospital admin
	 * @param at when
	 * @param reason why, not blank
	 * @throws InvalidTransition unless PENDING
	 */
	public void reject(Actor by, Instant at, String reason) {
		requireReason(reason);
		transition(AuthorizationStatus.PENDING, AuthorizationStatus.REJECTED);
		this.decidedBy = by;
		this.decidedAt = at;
		this.rejectionReason = reason.strip();
		this.events.add(new AuthorizationRejected(this.id, this.personId, this.terms.technology(), reason.strip()));
	}

	/**
	 * Withdraws a grant.
	 * @param by the hospital admin
	 * @param at when
	 * @param reason why, not blank
	 * @throws InvalidTransition unless GRANTED
	 */
	public void revoke(Actor by, Instant at, String reason) {
		revoke(by, at, reason, false);
	}

	/**
	 * Withdraws a grant.
	 * @param by the hospital admin, or the system
	 * @param at when
	 * @param reason why, not blank
	 * @param bySystem whether the system withdraws it (the filing was revoked, the
	 * physician left) rather than the hospital
	 * @throws InvalidTransition unless GRANTED
	 */
	public void revoke(Actor by, Instant at, String reason, boolean bySystem) {
		requireReason(reason);
		transition(AuthorizationStatus.GRANTED, AuthorizationStatus.REVOKED);
		this.revokedBy = by;
		this.revokedAt = at;
		this.revocationReason = reason.strip();
		this.events.add(new AuthorizationRevoked(this.id, this.personId, this.institutionId, this.terms.technology(),
				reason.strip(), bySystem));
	}

	private void transition(AuthorizationStatus required, AuthorizationStatus target) {
		if (this.status != required) {
			throw new InvalidTransition(this.status, target);
		}
		this.status = target;
	}

	private static void requireReason(String reason) {
		if (reason.isBlank()) {
			throw new IllegalArgumentException("必须填写原因");
		}
	}

	/**
	 * @param day a day
	 * @return whether the record is GRANTED and its validity covers the day
	 */
	public boolean effectiveOn(LocalDate day) {
		return this.status == AuthorizationStatus.GRANTED && this.terms.covers(day);
	}

	/**
	 * @param other another record
	 * @return whether granting this record next to {@code other} would give the physician
	 * two grants for the same technology on some day
	 */
	public boolean conflictsWith(Authorization other) {
		return !other.id.equals(this.id) && other.status == AuthorizationStatus.GRANTED
				&& other.personId.equals(this.personId) && other.terms.technology().equals(this.terms.technology())
				&& other.terms.overlaps(this.terms);
	}

	/**
	 * @return the events recorded since loading, then forgets them
	 */
	public List<Object> takeEvents() {
		List<Object> taken = List.copyOf(this.events);
		this.events.clear();
		return taken;
	}

	/**
	 * @return the current state as a value
	 */
	public Snapshot snapshot() {
		return new Snapshot(this.id, this.personId, this.institutionId, this.terms, this.status, this.createdBy,
				this.createdAt, this.decidedBy, this.decidedAt, this.rejectionReason, this.eligibilitySpecKey,
				this.eligibilityStatus, this.revokedBy, this.revokedAt, this.revocationReason, this.version);
	}

	/**
	 * @return the id
	 */
	public UUID id() {
		return this.id;
	}

	/**
	 * @return the physician
	 */
	public UUID personId() {
		return this.personId;
	}

	/**
	 * @return the institution
	 */
	public UUID institutionId() {
		return this.institutionId;
	}

	/**
	 * @return the terms
	 */
	public AuthorizationTerms terms() {
		return this.terms;
	}

	/**
	 * @return the state
	 */
	public AuthorizationStatus status() {
		return this.status;
	}

	/**
	 * @return who created the record
	 */
	public Actor createdBy() {
		return this.createdBy;
	}

	/**
	 * @return the version loaded
	 */
	public int version() {
		return this.version;
	}

	/**
	 * The whole state of a record, for storage, audit and display.
	 *
	 * @param id id
	 * @param personId physician
	 * @param institutionId institution
	 * @param terms terms
	 * @param status state
	 * @param createdBy creator
	 * @param createdAt creation time
	 * @param decidedBy who granted or rejected
	 * @param decidedAt when
	 * @param rejectionReason why rejected
	 * @param eligibilitySpecKey spec edition of the eligibility verdict at grant
	 * @param eligibilityStatus that verdict
	 * @param revokedBy who revoked
	 * @param revokedAt when
	 * @param revocationReason why
	 * @param version optimistic-lock version
	 */
	public record Snapshot(UUID id, UUID personId, UUID institutionId, AuthorizationTerms terms,
			AuthorizationStatus status, Actor createdBy, Instant createdAt, @Nullable Actor decidedBy,
			@Nullable Instant decidedAt, @Nullable String rejectionReason, @Nullable String eligibilitySpecKey,
			@Nullable String eligibilityStatus, @Nullable Actor revokedBy, @Nullable Instant revokedAt,
			@Nullable String revocationReason, int version) {
	}

}
