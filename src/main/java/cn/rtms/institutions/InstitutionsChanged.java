package cn.rtms.institutions;

import java.util.Set;
import java.util.UUID;

/**
 * Published once by a bulk load (ADR 0037) for every institution whose record or staff it
 * changed, in place of one {@link InstitutionChanged} each: the listeners re-evaluate the
 * set in one pass (one event publication per listener instead of one per institution and
 * listener).
 *
 * @param institutionIds the institutions, never empty
 */
public record InstitutionsChanged(Set<UUID> institutionIds) {

	public InstitutionsChanged {
		if (institutionIds.isEmpty()) {
			throw new IllegalArgumentException("institutionIds must not be empty");
		}
		institutionIds = Set.copyOf(institutionIds);
	}

}
