package cn.rtms.authorization;

import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Granting would give the physician a second grant for the technology with overlapping
 * validity. 409 {@code
 * AUTHORIZATION_CONFLICT}; property {@code conflictingId} names the existing grant when
 * known.
 */
public class AuthorizationConflict extends ProblemException {

	/**
	 * @param technology technology code
	 * @param conflictingId the existing grant, when known
	 * @param detail Chinese explanation
	 */
	public AuthorizationConflict(String technology, @Nullable UUID conflictingId, String detail) {
		super(HttpStatus.CONFLICT, "AUTHORIZATION_CONFLICT", "已有有效授权", detail, List.of());
		if (conflictingId != null) {
			getBody().setProperty("conflictingId", conflictingId.toString());
		}
		getBody().setProperty("technology", technology);
	}

}
