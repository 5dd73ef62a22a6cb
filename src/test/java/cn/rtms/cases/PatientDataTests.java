package cn.rtms.cases;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Encryption, keyed hash, pseudonym and masking of patient data. */
class PatientDataTests {

	static byte[] key(int seed) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) seed);
		return key;
	}

	final PatientData data = new PatientData(key(1));

	@Test
	void encryptsWithAFreshIvAndDecrypts() {
		byte[] first = this.data.encrypt("张三丰");
		byte[] second = this.data.encrypt("张三丰");
		assertThat(first).isNotEqualTo(second);
		assertThat(new String(first, StandardCharsets.UTF_8)).doesNotContain("张三丰");
		assertThat(new String(first, StandardCharsets.ISO_8859_1))
			.doesNotContain(new String("张三丰".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
		assertThat(this.data.decrypt(first)).isEqualTo("张三丰");
		assertThat(this.data.decrypt(second)).isEqualTo("张三丰");
		assertThat(this.data.encrypt(null)).isNull();
		assertThat(this.data.decrypt(null)).isNull();
	}

	@Test
	void refusesTamperedDataAndAnotherKey() {
		byte[] sealed = this.data.encrypt("220104196503151230");
		byte[] tampered = sealed.clone();
		tampered[tampered.length - 1] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> this.data.decrypt(tampered)).withMessageContaining("被篡改");
		assertThatIllegalStateException().isThrownBy(() -> new PatientData(key(2)).decrypt(sealed));
		assertThatIllegalStateException().isThrownBy(() -> this.data.decrypt(new byte[] { 9, 9 }))
			.withMessageContaining("格式");
	}

	/**
	 * The cipher and MACs are kept per thread and reused: a refused decryption leaves
	 * nothing behind, the same value hashes alike on every call and thread, and values
	 * sealed on one thread open on another.
	 */
	@Test
	void reusedCiphersAndMacsGiveTheSameAnswersAcrossCallsAndThreads() throws Exception {
		byte[] sealed = this.data.encrypt("李四");
		byte[] tampered = sealed.clone();
		tampered[tampered.length - 1] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> this.data.decrypt(tampered));
		assertThat(this.data.decrypt(sealed)).isEqualTo("李四");
		String hash = this.data.idNumberHash("11010519491231002X");
		String pseudonym = this.data.pseudonym(new UUID(1, 2), "BA-1");
		assertThat(this.data.idNumberHash("11010519491231002X")).isEqualTo(hash);
		java.util.concurrent.atomic.AtomicReference<String> elsewhere = new java.util.concurrent.atomic.AtomicReference<>();
		Thread other = new Thread(() -> elsewhere
			.set(this.data.decrypt(sealed) + "|" + this.data.idNumberHash("11010519491231002X") + "|"
					+ this.data.pseudonym(new UUID(1, 2), "BA-1") + "|" + this.data.decrypt(this.data.encrypt("王五"))));
		other.start();
		other.join();
		assertThat(elsewhere.get()).isEqualTo("李四|" + hash + "|" + pseudonym + "|王五");
		assertThat(this.data.pseudonym(new UUID(1, 2), "BA-1")).isEqualTo(pseudonym);
	}

	@Test
	void sealsBytesBoundToTheirContext() {
		byte[] clear = "病案号,姓名\n1,张三".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] context = "import#0".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] sealed = this.data.seal(clear, context);
		assertThat(this.data.open(sealed, context)).isEqualTo(clear);
		assertThat(this.data.seal(new byte[0], context))
			.satisfies((empty) -> assertThat(this.data.open(empty, context)).isEmpty());
		// another part's or import's context, or no context, does not open it
		assertThatIllegalStateException()
			.isThrownBy(() -> this.data.open(sealed, "import#1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThatIllegalStateException().isThrownBy(() -> this.data.open(sealed, null));
		assertThatIllegalStateException().isThrownBy(() -> new PatientData(key(2)).open(sealed, context));
	}

	@Test
	void hashesTheNormalizedIdNumberUnderTheKey() {
		String hash = this.data.idNumberHash("11010519491231002X");
		assertThat(hash).hasSize(64).isEqualTo(this.data.idNumberHash(" 11010519491231002x"));
		assertThat(new PatientData(key(2)).idNumberHash("11010519491231002X")).isNotEqualTo(hash);
		assertThat(this.data.idNumberHash("220104196503151230")).isNotEqualTo(hash);
	}

	@Test
	void pseudonymIsStablePerInstitutionAndRecordNumber() {
		UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
		UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
		String pseudonym = this.data.pseudonym(a, "BA001");
		assertThat(pseudonym).matches("P[0-9A-F]{12}").isEqualTo(this.data.pseudonym(a, " BA001 "));
		assertThat(this.data.pseudonym(b, "BA001")).isNotEqualTo(pseudonym);
		assertThat(this.data.pseudonym(a, "BA002")).isNotEqualTo(pseudonym);
		assertThat(new PatientData(key(2)).pseudonym(a, "BA001")).isNotEqualTo(pseudonym);
	}

	@Test
	void masksIdNumberPhoneAndName() {
		assertThat(PatientData.maskIdNumber("110105194912310021")).isEqualTo("110***********0021");
		assertThat(PatientData.maskIdNumber("11010519491231002x")).isEqualTo("110***********002X");
		assertThat(PatientData.maskPhone("13812345678")).isEqualTo("138****5678");
		assertThat(PatientData.maskPhone("12345")).isEqualTo("1****");
		assertThat(PatientData.maskName("张三丰")).isEqualTo("张**");
		assertThat(PatientData.maskName("欧阳")).isEqualTo("欧*");
		assertThat(PatientData.maskName("𠀀一")).isEqualTo("𠀀*");
	}

	@Test
	void generatesTheKeyFileOwnerOnlyAtFirstUseAndReadsItAfterwards(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("var/patient.key");
		PatientData first = new PatientData("", file.toString());
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(file).strip()).matches("[0-9a-f]{64}");
		byte[] sealed = first.encrypt("13812345678");
		assertThat(new PatientData("", file.toString()).decrypt(sealed)).isEqualTo("13812345678");
		assertThat(first.toString()).doesNotContain(Files.readString(file).strip());
	}

	@Test
	void takesAConfiguredBase64KeyOfAtLeast32Bytes(@TempDir Path dir) {
		String configured = Base64.getEncoder().encodeToString(key(7));
		PatientData fromConfig = new PatientData(configured, dir.resolve("unused.key").toString());
		assertThat(new PatientData(key(7)).decrypt(fromConfig.encrypt("x"))).isEqualTo("x");
		assertThat(Files.exists(dir.resolve("unused.key"))).isFalse();
		assertThatIllegalStateException()
			.isThrownBy(() -> new PatientData(Base64.getEncoder().encodeToString(new byte[16]), "x"))
			.withMessageContaining("至少需要 32 字节");
		assertThatIllegalStateException().isThrownBy(() -> new PatientData("不是base64", "x"))
			.withMessageContaining("base64");
	}

	@Test
	void validatesIdNumbers() {
		assertThat(PatientData.idNumberProblem("11010519491231002x")).isNull();
		assertThat(PatientData.idNumberProblem("110105194912310020")).contains("末位应为 X");
	}

}
