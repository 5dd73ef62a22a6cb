package cn.rtms.cases.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.rtms.cases.imports.Cells.BadCell;
import cn.rtms.cases.imports.ImportColumn.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellsTests {

	@Test
	void readsExcelSerialDates() {
		// 45366 is 2024-03-15 in Excel's 1900 date system; 61 is 1900-03-01
		assertThat(Cells.date(RawCell.number(BigDecimal.valueOf(45366)))).isEqualTo(LocalDate.of(2024, 3, 15));
		assertThat(Cells.date(RawCell.number(new BigDecimal("45366.75")))).isEqualTo(LocalDate.of(2024, 3, 15));
		assertThat(Cells.date(RawCell.number(BigDecimal.valueOf(61)))).isEqualTo(LocalDate.of(1900, 3, 1));
		assertThat(Cells.toSerial(LocalDate.of(2024, 3, 15))).isEqualTo(45366);
	}

	@Test
	void readsSerialDatesOfThe1904DateSystem() {
		assertThat(Cells.date(RawCell.number(BigDecimal.valueOf(44264), null, true)))
			.isEqualTo(LocalDate.of(2025, 3, 10));
		assertThat(Cells.date(RawCell.number(BigDecimal.ZERO, null, true))).isEqualTo(LocalDate.of(1904, 1, 1));
	}

	@Test
	void readsDatesWrittenAsText() {
		LocalDate day = LocalDate.of(2024, 3, 5);
		for (String text : List.of("2024-03-05", "2024-3-5", "2024/3/5", "2024/03/05", "2024.3.5", "20240305",
				"2024年3月5日", "2024年03月05日", " 2024 年 3 月 5 日 ", "2024-03-05 00:00:00", "2024/3/5 8:30")) {
			assertThat(Cells.date(RawCell.text(text))).as(text).isEqualTo(day);
		}
	}

	@Test
	void refusesDatesThatAreNone() {
		assertThatThrownBy(() -> Cells.date(RawCell.text("2024-02-30"))).isInstanceOf(BadCell.class)
			.hasMessage("日期 “2024-02-30” 不存在");
		assertThatThrownBy(() -> Cells.date(RawCell.text("下周一"))).hasMessageContaining("“下周一” 不是日期");
		assertThatThrownBy(() -> Cells.date(RawCell.text("45366"))).hasMessageContaining("不是日期");
		assertThatThrownBy(() -> Cells.date(RawCell.number(BigDecimal.valueOf(12))))
			.hasMessageContaining("早于 1900-03-01");
		assertThatThrownBy(() -> Cells.date(RawCell.number(BigDecimal.valueOf(-3))))
			.hasMessageContaining("不是有效的 Excel 日期");
		assertThatThrownBy(() -> Cells.date(RawCell.text("1850-01-01"))).hasMessageContaining("超出允许范围");
	}

	@Test
	void readsNumbersFromNumericAndTextCells() {
		assertThat(Cells.decimal(RawCell.number(new BigDecimal("98.5")))).isEqualByComparingTo("98.5");
		assertThat(Cells.decimal(RawCell.text(" 98.5% "))).isEqualByComparingTo("98.5");
		assertThat(Cells.decimal(RawCell.text("１２"))).isEqualByComparingTo("12");
		assertThat(Cells.integer(RawCell.number(new BigDecimal("3.0")))).isEqualTo(3);
		assertThatThrownBy(() -> Cells.decimal(RawCell.text("约九十"))).hasMessage("“约九十” 不是数字");
		assertThatThrownBy(() -> Cells.integer(RawCell.text("2.5"))).hasMessage("“2.5” 不是整数");
		assertThatThrownBy(() -> Cells.integer(RawCell.text("二级"))).hasMessage("“二级” 不是整数");
	}

	@Test
	void takesANumberFormattedAsAPercentageAsThePercentageShown() {
		assertThat(Cells.percentage(RawCell.number(new BigDecimal("0.78"), "0%", false)))
			.isEqualTo(new BigDecimal("78"));
		assertThat(Cells.percentage(RawCell.number(new BigDecimal("0.785"), "0.0%", false)))
			.isEqualTo(new BigDecimal("78.5"));
		assertThat(Cells.percentage(RawCell.number(new BigDecimal("97.5"), "0.0", false)))
			.isEqualTo(new BigDecimal("97.5"));
		assertThat(Cells.percentage(RawCell.text("98.5%"))).isEqualByComparingTo("98.5");
		assertThat(Cells.decimal(RawCell.number(new BigDecimal("0.78"), "0%", false)))
			.as("a column not in per cent takes the number stored")
			.isEqualTo(new BigDecimal("0.78"));
		assertThat(RawCell.number(BigDecimal.ONE, "[Red]0.00%;-0.00%", false).percent()).isTrue();
		assertThat(RawCell.number(BigDecimal.ONE, "0\"%\"", false).percent()).as("a quoted %").isFalse();
		assertThat(RawCell.number(BigDecimal.ONE, "0\\%", false).percent()).as("an escaped %").isFalse();
		assertThat(RawCell.number(BigDecimal.ONE, null, false).percent()).isFalse();
		assertThat(RawCell.text("78%").percent()).isFalse();
	}

	@Test
	void readsYesAndNo() {
		assertThat(Cells.bool(RawCell.text("是"))).isTrue();
		assertThat(Cells.bool(RawCell.text("n"))).isFalse();
		assertThat(Cells.bool(RawCell.bool(true))).isTrue();
		assertThatThrownBy(() -> Cells.bool(RawCell.text("可能"))).hasMessage("“可能” 不是“是”或“否”");
	}

	@Test
	void matchesChoicesByCodeNameOrDropdownLabel() {
		List<Option> options = List.of(new Option("A", "A级"), new Option("B", "B级"));
		assertThat(Cells.choice(RawCell.text("a"), options)).isEqualTo("A");
		assertThat(Cells.choice(RawCell.text("B级"), options)).isEqualTo("B");
		assertThat(Cells.choice(RawCell.text("B B级"), options)).isEqualTo("B");
		assertThatThrownBy(() -> Cells.choice(RawCell.text("D"), options)).hasMessage("“D” 不在可选值中（A A级、B B级）");
	}

	@Test
	void namesColumnsLikeExcel() {
		assertThat(Cells.letter(0)).isEqualTo("A");
		assertThat(Cells.letter(25)).isEqualTo("Z");
		assertThat(Cells.letter(26)).isEqualTo("AA");
		assertThat(Cells.letter(701)).isEqualTo("ZZ");
		assertThat(Cells.letter(702)).isEqualTo("AAA");
		assertThat(AnnotatedCopy.index("AAA")).isEqualTo(702);
		assertThat(AnnotatedCopy.index("F")).isEqualTo(5);
	}

	@Test
	void splitsLists() {
		assertThat(Cells.list(RawCell.text("54.4x00x055；51.22;  ，99.99"))).containsExactly("54.4x00x055", "51.22",
				"99.99");
	}

}
