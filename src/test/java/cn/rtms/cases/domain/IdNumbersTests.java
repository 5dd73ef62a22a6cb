package cn.rtms.cases.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GB 11643 check characters. The valid numbers were computed by hand with the standard's
 * weights (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, MOD 11, 1 0 X 9 8 7 6 5 4 3 2);
 * 11010519491231002X is the standard's own example.
 */
class IdNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "220104196503151230", "220102198001010012", "220104197007204561" })
	void acceptsNumbersWithTheRightCheckCharacter(String id) {
		assertThat(IdNumbers.problem(id)).isNull();
	}

	@Test
	void computesTheCheckCharacterIncludingX() {
		assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(IdNumbers.checkCharacter("22010419650315123")).isEqualTo('0');
		assertThat(IdNumbers.checkCharacter("22010419700720456")).isEqualTo('1');
	}

	@Test
	void refusesAWrongCheckCharacterNamingTheRightOne() {
		assertThat(IdNumbers.problem("220104196503151231")).isEqualTo("身份证号校验码错误（按 GB 11643 末位应为 0）");
		assertThat(IdNumbers.problem("110105194912310021")).contains("末位应为 X");
	}

	@Test
	void refusesWrongLengthLettersAndImpossibleBirthDates() {
		assertThat(IdNumbers.problem("22010419650315123")).contains("18 位");
		assertThat(IdNumbers.problem("2201041965031512AX")).contains("18 位");
		assertThat(IdNumbers.problem("220104196502301230")).contains("不是有效的出生日期", "19650230");
	}

	@Test
	void normalizesSpacesAndALowerCaseX() {
		assertThat(IdNumbers.normalize(" 110105 19491231002x ")).isEqualTo("11010519491231002X");
		assertThat(IdNumbers.problem(IdNumbers.normalize("11010519491231002x"))).isNull();
	}

	@Test
	void readsBirthDateAndSex() {
		assertThat(IdNumbers.birthDate("220104196503151230")).isEqualTo(LocalDate.of(1965, 3, 15));
		assertThat(IdNumbers.sex("220104196503151230")).isEqualTo("M");
		assertThat(IdNumbers.sex("11010519491231002X")).isEqualTo("F");
	}

}
