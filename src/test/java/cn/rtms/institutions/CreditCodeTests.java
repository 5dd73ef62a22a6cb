package cn.rtms.institutions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTests {

	@Test
	void acceptsRealFormatCodesWithTheirCheckCharacter() {
		// the example of GB 32100-2015 and codes of registered enterprises and public
		// institutions
		assertThat(CreditCode.problem("91350100M000100Y43")).isEmpty();
		assertThat(CreditCode.problem("91110000600037341L")).isEmpty();
		assertThat(CreditCode.problem("91440300708461136T")).isEmpty();
		assertThat(CreditCode.problem("12220100MB1234567G")).isEmpty();
	}

	@Test
	void acceptsLowerCaseAndSurroundingBlanksAsTyped() {
		assertThat(CreditCode.problem(" 91110000600037341l ")).isEmpty();
		assertThat(CreditCode.normalise(" 91110000600037341l ")).isEqualTo("91110000600037341L");
	}

	@Test
	void computesTheCheckCharacterModulo31() {
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
		assertThat(CreditCode.checkCharacter("12220102412760466")).isEqualTo('C');
		// a sum divisible by 31 gives 31 - 0 = 31, which maps to '0'
		assertThat(CreditCode.checkCharacter("12220100MB1000010")).isEqualTo('0');
		assertThat(CreditCode.CHARSET).hasSize(31).doesNotContain("I", "O", "S", "V", "Z");
	}

	@Test
	void refusesAWrongCheckCharacterNamingTheExpectedOne() {
		assertThat(CreditCode.problem("91350100M000100Y44"))
			.hasValueSatisfying(p -> assertThat(p).contains("校验位错误").contains("应为“3”").contains("实际为“4”"));
		assertThat(CreditCode.problem("12220000412760466X")).hasValueSatisfying(p -> assertThat(p).contains("应为“A”"));
	}

	@Test
	void refusesWrongLengthForbiddenCharactersAndALetterInTheRegionCode() {
		assertThat(CreditCode.problem("9135010000010Y43")).hasValueSatisfying(p -> assertThat(p).contains("应为 18 位"));
		assertThat(CreditCode.problem("91350100I000100Y43"))
			.hasValueSatisfying(p -> assertThat(p).contains("第 9 位“I”"));
		assertThat(CreditCode.problem("9135A100M000100Y43")).hasValueSatisfying(p -> assertThat(p).contains("行政区划码"));
	}

	@Test
	void publishedCodesOfRealCompaniesAreValid() {
		// 深圳市腾讯计算机系统有限公司, 北京百度网讯科技有限公司 (published on their licences)
		assertThat(CreditCode.problem("9144030071526726XG")).isEmpty();
		assertThat(CreditCode.problem("91110000802100433B")).isEmpty();
	}

}
