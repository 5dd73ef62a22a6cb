package cn.rtms.supervision;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One finding of an {@link AlertSource}: what becomes (or keeps open) one alert.
 *
 * @param kind the source's kind
 * @param key stable key, unique within the kind, at most 200 characters
 * @param severity how serious it is
 * @param institutionId the institution concerned (decides who sees the alert)
 * @param technology technology code, {@code null} when not about one technology
 * @param technologyName technology name, {@code null} with the code
 * @param title one line in Chinese, at most 200 characters
 * @param message the explanation in Chinese, at most 2,000 characters
 * @param evidence facts, items and the link to the evidence
 */
public record AlertFinding(AlertKind kind, String key, AlertSeverity severity, UUID institutionId,
		@Nullable String technology, @Nullable String technologyName, String title, String message, Evidence evidence) {

	/**
	 * Checks the required parts and their bounds.
	 */
	public AlertFinding {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(institutionId, "institutionId");
		Objects.requireNonNull(evidence, "evidence");
		if (key == null || key.isBlank() || key.length() > 200) {
			throw new IllegalArgumentException("预警键须为 1–200 个字符");
		}
		if (title == null || title.isBlank() || title.length() > 200) {
			throw new IllegalArgumentException("预警标题须为 1–200 个字符");
		}
		if (message == null || message.length() > 2000) {
			throw new IllegalArgumentException("预警说明不得超过 2000 个字符");
		}
	}

	Finding toFinding() {
		return new Finding(this.kind, this.key, this.severity, this.institutionId, this.technology, this.technologyName,
				this.title, this.message, this.evidence);
	}

}
