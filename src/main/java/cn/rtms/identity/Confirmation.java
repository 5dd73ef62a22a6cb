package cn.rtms.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A clause confirmation as an act: the logged-in user who made it, their role and the
 * server time are recorded by the platform; the request names only the clause and the
 * evidence. Kept by the institutions and personnel modules; read by the rules engine.
 *
 * @param id the confirmation's id (to withdraw it)
 * @param clause citation, e.g. {@code G08/2022 一(一)}
 * @param kind hospital declaration or authority review
 * @param kindLabel the kind in Chinese
 * @param evidence what the confirmer saw or declares
 * @param confirmedById the account that confirmed; null only for records migrated from
 * the free-text era
 * @param confirmedBy that account's display name at the time
 * @param confirmedByRole its role ({@link Role} name); null for migrated records
 * @param confirmedByRoleLabel the role in Chinese ("未核实" for migrated records)
 * @param confirmedOn the day (server clock) the confirmation counts from
 * @param confirmedAt the server time it was recorded
 */
public record Confirmation(UUID id, String clause, ConfirmationKind kind, String kindLabel, String evidence,
		@Nullable UUID confirmedById, String confirmedBy, @Nullable String confirmedByRole, String confirmedByRoleLabel,
		LocalDate confirmedOn, @Nullable Instant confirmedAt) {

	/** Longest clause citation accepted. */
	public static final int MAX_CLAUSE = 60;

	/** Longest evidence text accepted. */
	public static final int MAX_EVIDENCE = 500;

	/**
	 * Records a confirmation by a user now.
	 * @param user who confirms
	 * @param kind what their confirmation is worth (see
	 * {@link AccessPolicy#confirmationKind})
	 * @param clause citation
	 * @param evidence evidence
	 * @param now server time
	 * @param today server day
	 * @return the confirmation
	 */
	public static Confirmation by(CurrentUser user, ConfirmationKind kind, String clause, String evidence, Instant now,
			LocalDate today) {
		return new Confirmation(UUID.randomUUID(), clause.strip(), kind, kind.label(), evidence.strip(), user.id(),
				user.displayName(), user.role().name(), user.role().label(), today, now);
	}

	/**
	 * A review confirmation loaded by a system task (demo data), attributed to the
	 * system.
	 * @param clause citation
	 * @param evidence evidence
	 * @param confirmedOn the day it counts from
	 * @param now server time
	 * @return the confirmation
	 */
	public static Confirmation imported(String clause, String evidence, LocalDate confirmedOn, Instant now) {
		return new Confirmation(UUID.randomUUID(), clause.strip(), ConfirmationKind.REVIEW,
				ConfirmationKind.REVIEW.label(), evidence.strip(), IdentityManagement.SYSTEM_ID, "系统（演示数据导入）",
				Role.SYSTEM_ADMIN.name(), Role.SYSTEM_ADMIN.label(), confirmedOn, now);
	}

	/**
	 * Adds this confirmation to a record's confirmations, replacing the one of the same
	 * clause and kind if there is one (a clause has at most one declaration and one
	 * review).
	 * @param current the record's confirmations
	 * @return the new list and the confirmation it replaced
	 */
	public Added addTo(List<Confirmation> current) {
		List<Confirmation> all = new ArrayList<>(current);
		Confirmation replaced = all.stream()
			.filter(c -> c.clause().equals(this.clause) && c.kind() == this.kind)
			.findFirst()
			.orElse(null);
		if (replaced != null) {
			all.remove(replaced);
		}
		all.add(this);
		return new Added(List.copyOf(all), replaced);
	}

	/**
	 * The outcome of {@link #addTo}.
	 *
	 * @param all the confirmations after adding
	 * @param replaced the confirmation of the same clause and kind it replaced, if any
	 */
	public record Added(List<Confirmation> all, @Nullable Confirmation replaced) {
	}

}
