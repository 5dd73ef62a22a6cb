package cn.rtms.cases.codes;

import cn.rtms.cases.codes.ProcedureCodeNormaliser.NormalisedCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Procedure codes as hospital systems export them, brought to the spec spelling; texts
 * that are no code are refused with a reason, never guessed.
 */
class ProcedureCodeNormaliserTests {

	@ParameterizedTest(name = "“{0}” → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			06.3100x001              | 06.3100x001
			52. 2200x007             | 52.2200x007
			'  06.3100x001  '        | 06.3100x001
			06 .31 00 x 001          | 06.3100x001
			06.3100x001\u3000        | 06.3100x001
			\u00A006.3100x001        | 06.3100x001
			063100x001               | 06.3100x001
			06.3100X001              | 06.3100x001
			54.4x00x055              | 54.4x00x055
			54.4X00X055              | 54.4x00x055
			544x00x055               | 54.4x00x055
			54. 4x00x055             | 54.4x00x055
			０６．３１００ｘ００１      | 06.3100x001
			０６．３１００Ｘ００１      | 06.3100x001
			06。3100x001             | 06.3100x001
			06.3100×001              | 06.3100x001
			54.4×00×055              | 54.4x00x055
			06.3100x001；            | 06.3100x001
			06.3100x001.             | 06.3100x001
			06.3100x001,             | 06.3100x001
			“06.3100x001”            | 06.3100x001
			(06.3100x001)            | 06.3100x001
			06.3100x001 经皮甲状腺病损射频消融术 | 06.3100x001
			17.41                    | 17.41
			1741                     | 17.41
			174100                   | 17.4100
			17.4100                  | 17.4100
			52.2202                  | 52.2202
			54.4                     | 54.4
			""")
	void normalisesMessyFormsToTheSpecSpelling(String raw, String expected) {
		NormalisedCode code = ProcedureCodeNormaliser.normalise(raw);
		assertThat(code.problem()).isNull();
		assertThat(code.code()).isEqualTo(expected);
		assertThat(code.raw()).isEqualTo(raw);
	}

	@ParameterizedTest(name = "“{0}” is no code")
	@ValueSource(strings = { "", "   ", "无", "经皮甲状腺病损射频消融术", "6.3100x001", "063.100x001", "06.3100x01", "06.3100x0011",
			"06.31000", "ABC", "06.3100y001", "06.3100-001", "17", "174", "06..3100" })
	void refusesWhatIsNoCodeWithAReason(String raw) {
		NormalisedCode code = ProcedureCodeNormaliser.normalise(raw);
		assertThat(code.code()).isNull();
		assertThat(code.isValid()).isFalse();
		assertThat(code.problem()).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(strings = { "06.3100x001", "52. 2200x007" })
	void isIdempotent(String raw) {
		String once = ProcedureCodeNormaliser.normalise(raw).code();
		assertThat(ProcedureCodeNormaliser.normalise(once).code()).isEqualTo(once);
	}

	/**
	 * Review F7: blanks between two complete codes would glue them into one non-code; the
	 * text is refused as several codes, and {@code splitAtBlanks} separates them for the
	 * discharge reader. A code with stray blanks inside, or followed by its name, stays
	 * one.
	 */
	@org.junit.jupiter.api.Test
	void separatesCompleteCodesAtBlanksButNotACodeWithStrayBlanks() {
		NormalisedCode glued = ProcedureCodeNormaliser.normalise("06.3100x001 17.4200");
		assertThat(glued.code()).isNull();
		assertThat(glued.problem()).contains("含多个手术操作编码");
		assertThat(ProcedureCodeNormaliser.splitAtBlanks("06.3100x001 17.4200")).containsExactly("06.3100x001",
				"17.4200");
		assertThat(ProcedureCodeNormaliser.splitAtBlanks("０６．３１００ｘ００１\u3000１７．４２００")).containsExactly("06.3100x001",
				"17.4200");
		assertThat(ProcedureCodeNormaliser.splitAtBlanks("52. 2200x007")).containsExactly("52. 2200x007");
		assertThat(ProcedureCodeNormaliser.splitAtBlanks("17.41 00")).containsExactly("17.41 00");
		assertThat(ProcedureCodeNormaliser.splitAtBlanks("06.3100x001 经皮甲状腺病损射频消融术"))
			.containsExactly("06.3100x001 经皮甲状腺病损射频消融术");
		assertThat(ProcedureCodeNormaliser.splitAtBlanks("06.3100x001 待补录")).containsExactly("06.3100x001 待补录");
	}

	@org.junit.jupiter.api.Test
	void refusesOverlongTextBeforeLookingAtIt() {
		NormalisedCode code = ProcedureCodeNormaliser.normalise("06.3100x001" + " ".repeat(100));
		assertThat(code.code()).isNull();
		assertThat(code.problem()).contains("编码过长");
	}

}
