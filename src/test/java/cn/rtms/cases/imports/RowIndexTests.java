package cn.rtms.cases.imports;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowIndexTests {

	@Test
	void remembersTheFirstRowOfEveryIdentityAcrossGrowth() {
		RowIndex index = new RowIndex();
		for (int row = 2; row < 100_002; row++) {
			assertThat(index.putIfAbsent("BA" + row + "|2026-01-01", row)).isZero();
		}
		assertThat(index.size()).isEqualTo(100_000);
		assertThat(index.putIfAbsent("BA2|2026-01-01", 200_000)).isEqualTo(2);
		assertThat(index.putIfAbsent("BA99999|2026-01-01", 200_001)).isEqualTo(99_999);
		assertThat(index.putIfAbsent("BA2|2026-01-02", 200_002)).isZero();
	}

	@Test
	void refusesAnUploadAsSoonAsItPassesTheLimit() {
		InputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[5000]), 4096, "big.xlsx");
		assertThatThrownBy(() -> in.readAllBytes()).isInstanceOf(ImportRefused.class)
			.hasMessageContaining("big.xlsx")
			.hasMessageContaining("超过病例导入的上限 0.0 MB");
	}

}
