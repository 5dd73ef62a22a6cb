package cn.rtms.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputRulesTests {

	@Test
	void acceptsChineseTextWithLineBreaksAndTabs() {
		assertThat(InputRules.problem("长春市中心医院\n肿瘤科\t第一病区", 100)).isNull();
	}

	@Test
	void refusesNulAndOtherControlCharacters() {
		assertThat(InputRules.problem("医院\u0000", 100)).contains("控制字符", "U+0000");
		assertThat(InputRules.problem("a\u001bb", 100)).contains("U+001B");
		assertThat(InputRules.problem("a\u007fb", 100)).contains("U+007F");
		assertThat(InputRules.problem("a\u0085b", 100)).contains("U+0085");
	}

	@Test
	void refusesBidiOverridesAndIsolates() {
		assertThat(InputRules.problem("invoice\u202Efdp.exe", 100)).contains("双向文本", "U+202E");
		assertThat(InputRules.problem("a\u2066b", 100)).contains("U+2066");
		assertThat(InputRules.problem("a\u202Ab", 100)).contains("U+202A");
	}

	@Test
	void refusesTextMadeOnlyOfInvisibleCharactersButKeepsJoinersInsideText() {
		assertThat(InputRules.problem("\u200B\u200B", 100)).contains("不可见");
		assertThat(InputRules.problem(" \u200D\uFEFF ", 100)).contains("不可见");
		assertThat(InputRules.problem("👨\u200D⚕️", 100)).isNull();
	}

	@Test
	void refusesTextOverTheLimitSayingBothLengths() {
		assertThat(InputRules.problem("一".repeat(101), 100)).contains("101", "100");
		assertThat(InputRules.problem("一".repeat(100), 100)).isNull();
	}

	@Test
	void boundsDatesTo1900Through2100() {
		assertThat(InputRules.problem(LocalDate.of(1900, 1, 1))).isNull();
		assertThat(InputRules.problem(LocalDate.of(2100, 12, 31))).isNull();
		assertThat(InputRules.problem(LocalDate.of(1899, 12, 31))).contains("1900-01-01", "2100-12-31");
		assertThat(InputRules.problem(LocalDate.of(-5000, 1, 1))).isNotNull();
		assertThat(InputRules.problem(LocalDate.of(0, 1, 1))).isNotNull();
		assertThat(InputRules.problem(LocalDate.of(10000, 1, 1))).isNotNull();
	}

	@Test
	void requireNamesTheFieldInTheProblem() {
		assertThatThrownBy(() -> InputRules.require("a\u0000", "evidence", 100))
			.isInstanceOfSatisfying(ProblemException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("VALIDATION_FAILED");
				assertThat(ex.errors()).singleElement()
					.satisfies((error) -> assertThat(error.field()).isEqualTo("evidence"));
				assertThat(ex.getBody().getDetail()).contains("evidence", "控制字符");
			});
	}

	@Test
	void fileNamesLosePathsControlBidiAndZeroWidthCharactersButKeepChinese() {
		assertThat(InputRules.sanitiseFileName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(InputRules.sanitiseFileName("C:\\Users\\王\\设备清单.pdf")).isEqualTo("设备清单.pdf");
		assertThat(InputRules.sanitiseFileName("会议\u0000纪要.pdf")).isEqualTo("会议纪要.pdf");
		assertThat(InputRules.sanitiseFileName("报告\u202Efdp.exe")).isEqualTo("报告fdp.exe");
		assertThat(InputRules.sanitiseFileName("\u200B\u200B")).isEqualTo("未命名文件");
		assertThat(InputRules.sanitiseFileName("..")).isEqualTo("未命名文件");
		assertThat(InputRules.sanitiseFileName(".hidden.pdf")).isEqualTo("hidden.pdf");
		assertThat(InputRules.sanitiseFileName("  制度   汇编 .docx ")).isEqualTo("制度 汇编 .docx");
	}

	@Test
	void longFileNamesAreCutKeepingTheExtension() {
		String name = InputRules.sanitiseFileName("文".repeat(400) + ".xlsx");
		assertThat(name).hasSize(InputRules.MAX_FILE_NAME_LENGTH).endsWith("文.xlsx");
	}

}
