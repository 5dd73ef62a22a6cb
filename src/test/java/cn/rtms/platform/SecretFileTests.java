package cn.rtms.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Keys every node must share (patient data, audit chain) are generated only on the
 * embedded database; with an external one a missing key stops the start, naming the
 * setting, instead of each host making its own.
 */
class SecretFileTests {

	@TempDir
	Path dir;

	@Test
	void onTheEmbeddedDatabaseAMissingKeyIsGeneratedOwnerOnly() throws Exception {
		Path file = this.dir.resolve("var/patient.key");
		String key = SecretFile.readOrCreateShared(file, "", "RTMS_CASES_PATIENTKEY");
		assertThat(key).hasSize(64);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(SecretFile.readOrCreateShared(file, "", "RTMS_CASES_PATIENTKEY")).isEqualTo(key);
	}

	@Test
	void withAnExternalDatabaseAMissingKeyStopsTheStartAndAnExistingFileIsRead() throws Exception {
		Path file = this.dir.resolve("audit.key");
		assertThatIllegalStateException()
			.isThrownBy(() -> SecretFile.readOrCreateShared(file, "jdbc:postgresql://db:5432/rtms", "RTMS_AUDIT_KEY"))
			.withMessageContaining("RTMS_AUDIT_KEY")
			.withMessageContaining(file.toAbsolutePath().toString());
		assertThat(file).doesNotExist();
		SecretFile.createIfAbsent(file, "k".repeat(64) + "\n");
		assertThat(SecretFile.readOrCreateShared(file, "jdbc:postgresql://db:5432/rtms", "RTMS_AUDIT_KEY"))
			.isEqualTo("k".repeat(64));
	}

}
