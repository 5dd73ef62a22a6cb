package cn.rtms.supervision;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A condition found by one run of a kind's check: the alert it keeps open.
 *
 * @param kind the kind
 * @param key stable key of the condition (one alert per key)
 * @param severity severity
 * @param institutionId the institution concerned
 * @param technology technology code, when the condition concerns one
 * @param technologyName its name
 * @param title short title in Chinese
 * @param message what was found, in Chinese
 * @param evidence facts and the link to the evidence page
 */
record Finding(AlertKind kind, String key, AlertSeverity severity, UUID institutionId, @Nullable String technology,
		@Nullable String technologyName, String title, String message, Evidence evidence) {
}
