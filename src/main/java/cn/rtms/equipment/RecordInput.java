package cn.rtms.equipment;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A maintenance, inspection or safety test done.
 *
 * @param performedOn when, not after today nor before the installation
 * @param performedBy by whom (for a third-party safety test: the agency), 1–100
 * characters
 * @param result the result
 * @param note 备注, at most 500 characters
 * @param nextDue when it is next due, after {@code performedOn}; the date plus the
 * schedule's interval when null
 */
public record RecordInput(@Nullable LocalDate performedOn, @Nullable String performedBy, @Nullable RecordResult result,
		@Nullable String note, @Nullable LocalDate nextDue) {
}
