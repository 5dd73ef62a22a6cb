package cn.rtms.cases.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CopyTextTests {

	static String row(Object... values) {
		StringBuilder out = new StringBuilder();
		CopyText.row(out, values);
		return out.toString();
	}

	@Test
	void separatesByTabsEndsWithANewlineAndWritesNullAsBackslashN() {
		UUID id = UUID.fromString("0b5e6c1a-3f1d-4c9e-9a53-6a0f3c2d1e0f");
		assertThat(row(id, 3, 7L, null, true, false, "张三"))
			.isEqualTo("0b5e6c1a-3f1d-4c9e-9a53-6a0f3c2d1e0f\t3\t7\t\\N\tt\tf\t张三\n");
	}

	@Test
	void escapesBackslashTabNewlineAndCarriageReturnInsideText() {
		assertThat(row("a\\b\tc\nd\re", "{\"note\":\"x\\ny\"}"))
			.isEqualTo("a\\\\b\\tc\\nd\\re\t{\"note\":\"x\\\\ny\"}\n");
	}

	@Test
	void writesDatesTimestampsToTheMicrosecondAndBytesAsByteaHex() {
		assertThat(row(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29\n");
		assertThat(row(OffsetDateTime.of(2026, 11, 22, 2, 0, 0, 123_456_789, ZoneOffset.UTC)))
			.isEqualTo("2026-11-22T02:00:00.123456Z\n");
		assertThat(row((Object) new byte[] { 0, 10, (byte) 0xff })).isEqualTo("\\\\x000aff\n");
	}

	@Test
	void refusesTypesItDoesNotWrite() {
		assertThatIllegalArgumentException().isThrownBy(() -> row(1.5d)).withMessageContaining("java.lang.Double");
	}

}
