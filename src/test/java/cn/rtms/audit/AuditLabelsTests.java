package cn.rtms.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.rtms.filing.domain.FilingStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every audit action code the sources can record has a Chinese label: a new action
 * without one fails here (the audit page would otherwise show 其他操作).
 */
class AuditLabelsTests {

	/** Lines that pass an action to the trail, directly or through an event. */
	private static final Pattern RECORDS = Pattern.compile(
			"\\.record\\(|\\.recordEvent\\(|\\.recordAs\\(|publish\\(|changed\\(|ApiKeyChanged\\(|UserEvent\\(|saveConfirmations\\(|[Aa]ction\\b|ACTION\\b");

	private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{3,})\"");

	/** Upper-case literals on such lines that are not actions (values recorded). */
	private static final Set<String> NOT_ACTIONS = Set.of("DEAD", "PDF", "XLSX", "SUBMIT");

	static Set<String> recordedActions() throws IOException {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				if (!source.contains("AuditTrail") && !source.contains("new UserEvent(")
						&& !source.contains("new ApiKeyChanged(")) {
					continue;
				}
				List<String> lines = source.lines().toList();
				for (int i = 0; i < lines.size(); i++) {
					if (!RECORDS.matcher(lines.get(i)).find()) {
						continue;
					}
					for (int j = i; j < Math.min(i + 3, lines.size()); j++) {
						Matcher m = CODE.matcher(lines.get(j));
						while (m.find()) {
							codes.add(m.group(1));
						}
					}
				}
			}
		}
		codes.removeAll(NOT_ACTIONS);
		for (FilingStep step : FilingStep.values()) {
			codes.add(step.auditAction());
		}
		return codes;
	}

	@Test
	void everyRecordedActionHasAChineseLabel() throws IOException {
		Set<String> codes = recordedActions();
		assertThat(codes).as("the scan finds the actions")
			.contains("LOGIN_SUCCEEDED", "FILING_SUBMIT", "INSTITUTION_UPDATED", "USER_DISABLED",
					"ATTESTATION_RECORDED", "REQUEST_REFUSED", "AUDIT_LIST_EXPORTED");
		assertThat(codes.stream().filter(code -> AuditLabels.actionLabel(code) == null).toList())
			.as("audit actions without a label in AuditLabels")
			.isEmpty();
	}

	/**
	 * A refused request is audited with its problem code ({@code REQUEST_REFUSED}): every
	 * 401/403 code the sources raise reads in Chinese in the audit log, not as （代码值）.
	 */
	@Test
	void everyRefusalCodeHasAChineseLabel() throws IOException {
		Pattern refusal = Pattern.compile("HttpStatus\\.(?:FORBIDDEN|UNAUTHORIZED),\\s*\"([A-Z][A-Z0-9_]+)\"");
		Set<String> codes = new TreeSet<>(Set.of("HTTP_401", "HTTP_403"));
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = refusal.matcher(Files.readString(file));
				while (m.find()) {
					codes.add(m.group(1));
				}
			}
		}
		assertThat(codes).as("the scan finds the codes").contains("UNAUTHENTICATED", "FORBIDDEN", "CSRF_TOKEN_INVALID");
		assertThat(codes.stream().filter(code -> AuditLabels.valueLabel(code) == null).toList())
			.as("refusal codes without a label in AuditLabels")
			.isEmpty();
	}

	@Test
	void labelsAreChineseNotCodes() {
		assertThat(AuditLabels.actionLabel("LOGIN_SUCCEEDED")).isEqualTo("登录成功");
		assertThat(AuditLabels.actions().values()).allMatch(label -> !label.matches(".*[A-Z][A-Z0-9]*_[A-Z0-9_]+.*"));
		assertThat(AuditLabels.typeLabel("Filing")).isEqualTo("备案");
		assertThat(AuditLabels.typeLabel("Something")).isEqualTo("其他对象");
	}

}
