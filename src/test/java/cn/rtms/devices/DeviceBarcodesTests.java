package cn.rtms.devices;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * GS1 element strings as scanners type them, with the GTINs of GS1's published examples
 * (09506000134352, 00614141999996, 04012345123456, 10614141000415).
 */
class DeviceBarcodesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	static final char GS = DeviceBarcodes.GS;

	@Test
	void readsAGs1DataMatrixWithSeparatorsAfterVariableFields() {
		String scanned = "]d201095060001343521725063010ABC123" + GS + "21SN-0042";
		DeviceIdentification id = DeviceBarcodes.read(scanned, TODAY);
		assertThat(id.format()).isEqualTo(DeviceIdentification.Format.GS1);
		assertThat(id.scanned()).isEqualTo(scanned);
		assertThat(id.gtin()).isEqualTo("09506000134352");
		assertThat(id.expiryDate()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(id.lot()).isEqualTo("ABC123");
		assertThat(id.serial()).isEqualTo("SN-0042");
		assertThat(id.elements()).containsOnlyKeys("01", "17", "10", "21");
		assertThat(id.expiredOn(TODAY)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "]C1", "]d2", "]Q3", "]e0", "''" })
	void acceptsEverySymbologyIdentifierAndNone(String prefix) {
		DeviceIdentification id = DeviceBarcodes.read(prefix + "0100614141999996" + "11260115" + "10L7", TODAY);
		assertThat(id.gtin()).isEqualTo("00614141999996");
		assertThat(id.productionDate()).isEqualTo(LocalDate.of(2026, 1, 15));
		assertThat(id.lot()).isEqualTo("L7");
	}

	@Test
	void readsTheHumanReadableFormWithParentheses() {
		DeviceIdentification id = DeviceBarcodes.read("(01)04012345123456(17)271200(10)B-17(21)0001", TODAY);
		assertThat(id.gtin()).isEqualTo("04012345123456");
		assertThat(id.expiryDate()).as("day 00 is the last day of the month").isEqualTo(LocalDate.of(2027, 12, 31));
		assertThat(id.serial()).isEqualTo("0001");
		assertThat(id.expiredOn(TODAY)).isFalse();
	}

	@Test
	void dayZeroOfFebruaryIsItsLastDayInALeapYear() {
		assertThat(DeviceBarcodes.read("]C1011061414100041517280200", TODAY).expiryDate())
			.isEqualTo(LocalDate.of(2028, 2, 29));
	}

	@ParameterizedTest
	@CsvSource({ "260101, 2026-01-01", "761231, 2076-12-31", "770101, 1977-01-01", "991231, 1999-12-31" })
	void choosesTheCenturyByGs1sSlidingWindow(String yymmdd, LocalDate expected) {
		assertThat(DeviceBarcodes.date(yymmdd, "17", TODAY)).isEqualTo(expected);
	}

	@Test
	void refusesAWrongGtinCheckDigitSayingWhichItShouldBe() {
		assertThatExceptionOfType(InvalidBarcode.class)
			.isThrownBy(() -> DeviceBarcodes.read("]d20109506000134353", TODAY))
			.withMessageContaining("校验位错误")
			.withMessageContaining("应为 2");
	}

	@Test
	void refusesMalformedElementStringsNamingThePlace() {
		assertThatExceptionOfType(InvalidBarcode.class)
			.isThrownBy(() -> DeviceBarcodes.read("]d2010950600013435", TODAY))
			.withMessageContaining("应有 14 位数据");
		assertThatExceptionOfType(InvalidBarcode.class)
			.isThrownBy(() -> DeviceBarcodes.read("]d201095060001343520512345", TODAY))
			.withMessageContaining("第 20 个字符")
			.withMessageContaining("不支持的应用标识符");
		assertThatExceptionOfType(InvalidBarcode.class)
			.isThrownBy(() -> DeviceBarcodes.read("]d2010950600013435217130230", TODAY))
			.withMessageContaining("不是有效日期");
		assertThatExceptionOfType(InvalidBarcode.class)
			.isThrownBy(() -> DeviceBarcodes.read("]d20109506000134352" + "10" + "X".repeat(21), TODAY))
			.withMessageContaining("1–20");
		assertThatExceptionOfType(InvalidBarcode.class)
			.isThrownBy(() -> DeviceBarcodes.read("(01)09506000134352(01)09506000134352", TODAY))
			.withMessageContaining("重复");
		assertThatExceptionOfType(InvalidBarcode.class).isThrownBy(() -> DeviceBarcodes.read("  ", TODAY))
			.withMessage("条码为空");
		assertThatExceptionOfType(InvalidBarcode.class)
			.isThrownBy(() -> DeviceBarcodes.read("X".repeat(DeviceBarcodes.MAX_LENGTH + 1), TODAY))
			.withMessageContaining("超过");
	}

	@Test
	void keepsAisTheRegistryDoesNotUseInsteadOfRefusingTheLabel() {
		DeviceIdentification id = DeviceBarcodes
			.read("]d20109506000134352" + "70032512311200" + GS + "10ABC" + GS + "422156" + GS + "99INT-7", TODAY);
		assertThat(id.gtin()).isEqualTo("09506000134352");
		assertThat(id.lot()).isEqualTo("ABC");
		assertThat(id.elements()).containsEntry("7003", "2512311200")
			.containsEntry("422", "156")
			.containsEntry("99", "INT-7");
		assertThat(DeviceBarcodes.read("(01)09506000134352(7003)2512311200(10)ABC", TODAY).elements())
			.containsEntry("7003", "2512311200");
		assertThat(DeviceBarcodes.read("]C101095060001343523103000125" + "10L1", TODAY).elements())
			.as("310n net weight: predefined length, no separator after it")
			.containsEntry("3103", "000125")
			.containsEntry("10", "L1");
		assertThatExceptionOfType(InvalidBarcode.class)
			.isThrownBy(() -> DeviceBarcodes.read("]d20109506000134352" + "99" + "X".repeat(91), TODAY))
			.withMessageContaining("1–90");
	}

	@Test
	void recognisesAnMaCodeBehindASymbologyIdentifier() {
		DeviceIdentification ma = DeviceBarcodes.read("]Q1MA.156.M0.100043.00001234", TODAY);
		assertThat(ma.format()).isEqualTo(DeviceIdentification.Format.MA);
		assertThat(ma.scanned()).isEqualTo("]Q1MA.156.M0.100043.00001234");
	}

	@Test
	void keepsMaAndOtherCodesAsScanned() {
		DeviceIdentification ma = DeviceBarcodes.read("MA.156.M0.100043.00001234.S202611.E202811", TODAY);
		assertThat(ma.format()).isEqualTo(DeviceIdentification.Format.MA);
		assertThat(ma.gtin()).isNull();
		DeviceIdentification plain = DeviceBarcodes.read("国械注准20163460001-LOT88", TODAY);
		assertThat(plain.format()).isEqualTo(DeviceIdentification.Format.PLAIN);
		assertThat(plain.scanned()).isEqualTo("国械注准20163460001-LOT88");
	}

	@ParameterizedTest
	@CsvSource({ "09506000134352, true", "00614141999996, true", "4012345123456, true", "96385074, true",
			"09506000134353, false", "12a4, false" })
	void verifiesGtinCheckDigits(String gtin, boolean valid) {
		assertThat(DeviceBarcodes.validCheckDigit(gtin)).isEqualTo(valid);
	}

}
