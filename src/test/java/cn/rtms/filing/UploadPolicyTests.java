package cn.rtms.filing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadPolicyTests {

	private final UploadPolicy policy = new UploadPolicy(20L * 1024 * 1024);

	@Test
	void recognisesAnOrdinaryWorkbook() throws IOException {
		byte[] xlsx = zip(entry("[Content_Types].xml", 2_000), entry("xl/workbook.xml", 5_000),
				entry("xl/worksheets/sheet1.xml", 300_000));
		assertThat(this.policy.check(new Upload("病例.xlsx", xlsx))).isEqualTo(UploadPolicy.XLSX);
	}

	/**
	 * The probe: a small .xlsx whose one sheet inflates to hundreds of MiB was
	 * accepted, because type detection inflated every entry without a bound.
	 */
	@Test
	void refusesAWorkbookThatInflatesFarBeyondItsSize() throws IOException {
		byte[] bomb = zip(entry("[Content_Types].xml", 2_000), entry("xl/workbook.xml", 5_000),
				entry("xl/worksheets/sheet1.xml", 200 * 1024 * 1024));
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertThatThrownBy(() -> this.policy.check(new Upload("bomb.xlsx", bomb)))
			.isInstanceOfSatisfying(UnsafeArchive.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("UNSAFE_ARCHIVE");
				assertThat(ex.getBody().getDetail()).contains("压缩炸弹");
			});
	}

	@Test
	void refusesAnArchiveWithTooManyEntries() throws IOException {
		Entry[] entries = new Entry[UploadPolicy.MAX_ZIP_ENTRIES + 1];
		entries[0] = entry("[Content_Types].xml", 10);
		entries[1] = entry("word/document.xml", 10);
		for (int i = 2; i < entries.length; i++) {
			entries[i] = entry("word/media/" + i + ".bin", 1);
		}
		byte[] many = zip(entries);
		assertThatThrownBy(() -> this.policy.check(new Upload("many.docx", many))).isInstanceOf(UnsafeArchive.class)
			.hasMessageContaining(String.valueOf(UploadPolicy.MAX_ZIP_ENTRIES));
	}

	@Test
	void namesInErrorsAreCleaned() {
		assertThatThrownBy(() -> this.policy
			.check(new Upload("../x\u202Egpj.exe", "MZ program".getBytes(StandardCharsets.US_ASCII))))
			.isInstanceOf(UnsupportedFileType.class)
			.hasMessageContaining("“xgpj.exe”");
		assertThat(UploadPolicy.fileName(new Upload("..\\..\\会议纪要\u0000.pdf", new byte[0]))).isEqualTo("会议纪要.pdf");
	}

	record Entry(String name, int size) {
	}

	static Entry entry(String name, int size) {
		return new Entry(name, size);
	}

	static byte[] zip(Entry... entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			byte[] chunk = new byte[1024 * 1024];
			for (Entry entry : entries) {
				zip.putNextEntry(new ZipEntry(entry.name()));
				int left = entry.size();
				while (left > 0) {
					int n = Math.min(left, chunk.length);
					zip.write(chunk, 0, n);
					left -= n;
				}
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
