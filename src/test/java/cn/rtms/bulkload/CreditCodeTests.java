package cn.rtms.bulkload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTests {

	@Test
	void publishedCodesOfRealCompaniesAreValid() {
		// 深圳市腾讯计算机系统有限公司, 北京百度网讯科技有限公司 (published on their licences)
		assertThat(CreditCode.problem("9144030071526726XG")).isNull();
		assertThat(CreditCode.problem("91110000802100433B")).isNull();
	}

	@Test
	void aWrongCheckCharacterIsNamedWithTheExpectedOne() {
		assertThat(CreditCode.problem("9144030071526726XA")).isEqualTo("统一社会信用代码校验位错误：第 18 位应为“G”，实际为“A”（GB 32100）");
	}

	@Test
	void lengthAndCharactersAreChecked() {
		assertThat(CreditCode.problem("91440300715267")).contains("应为 18 位");
		assertThat(CreditCode.problem("9144030071526726IG")).contains("第 17 位“I”不是允许的字符");
	}

	@Test
	void aCheckValueOf31IsWrittenAsZero() {
		// the check value 31 - (sum mod 31) is 31 when the sum is a multiple of 31
		assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
	}

}
