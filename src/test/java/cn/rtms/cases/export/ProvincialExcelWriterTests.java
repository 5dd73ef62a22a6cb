package cn.rtms.cases.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import org.junit.jupiter.api.Test;

import static cn.rtms.cases.export.CaseExportFixtures.FROM;
import static cn.rtms.cases.export.CaseExportFixtures.GENERATED_AT;
import static cn.rtms.cases.export.CaseExportFixtures.INSTITUTION;
import static cn.rtms.cases.export.CaseExportFixtures.TO;
import static org.assertj.core.api.Assertions.assertThat;

class ProvincialExcelWriterTests {

	static byte[] export(ExportedCase... cases) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ProvincialExcelWriter writer = new ProvincialExcelWriter(out, INSTITUTION, FROM, TO, GENERATED_AT);
		for (ExportedCase c : cases) {
			writer.add(c);
		}
		writer.finish();
		return out.toByteArray();
	}

	/**
	 * @return the sheet's rows, the header row first, each as column index → text
	 */
	static List<Map<Integer, String>> sheet(byte[] xlsx, String name) {
		return FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(name).headRowNumber(0).doReadSync();
	}

	@Test
	void writesOneRowPerCaseWithChineseHeadersInTheSchemaOrder() {
		byte[] xlsx = export(CaseExportFixtures.ablation(), CaseExportFixtures.robotic());
		List<Map<Integer, String>> rows = sheet(xlsx, "病例");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).values()).containsExactlyElementsOf(
				ProvincialExcelWriter.CASE_COLUMNS.stream().map(ProvincialExcelWriter.Column::header).toList());
		Map<Integer, String> first = rows.get(1);
		assertThat(first.get(0)).isEqualTo("cccccccc-0000-0000-0000-000000000001");
		assertThat(first.get(column("procedureCodes[].code"))).isEqualTo("50.2400x001;17.4100");
		assertThat(first.get(column("operator.licenceNumber"))).isEqualTo("110220104000031");
		assertThat(first.get(column("assistants[]"))).isEqualTo("赵敏");
		assertThat(first.get(column("patient.pseudonym"))).isEqualTo("P0123456789ab");
		assertThat(first.get(column("informedConsent"))).isEqualTo("是");
		assertThat(first.get(column("dischargeStatus"))).isEqualTo("DEATH");
		assertThat(first.get(column("flags[].code"))).isEqualTo("UNAUTHORIZED;DEVICE_EXPIRED");
		assertThat(first.get(column("operationDate"))).isEqualTo("2026-03-03");
		assertThat(rows.get(2).get(column("operator.name"))).isNull();
	}

	@Test
	void writesDevicesComplicationsAndFieldsOnTheirOwnSheets() {
		byte[] xlsx = export(CaseExportFixtures.ablation(), CaseExportFixtures.robotic());
		List<Map<Integer, String>> devices = sheet(xlsx, "器械");
		assertThat(devices).hasSize(4);
		assertThat(devices.get(1).get(2)).isEqualTo("]d2010950600013435217260200{GS}10ABC123{GS}21S0001");
		assertThat(devices.get(1).get(4)).isEqualTo("09506000134352");
		assertThat(devices.get(2).get(3)).isEqualTo("MA");
		List<Map<Integer, String>> complications = sheet(xlsx, "并发症");
		assertThat(complications).hasSize(3);
		assertThat(complications.get(0).values()).contains("并发症类型", "并发症类型名称", "严重并发症");
		assertThat(complications.get(1)).containsEntry(3, "II")
			.containsEntry(4, "MAJOR_BLEEDING")
			.containsEntry(5, "大量出血")
			.containsEntry(6, "是");
		assertThat(complications.get(2).get(4)).isNull();
		List<Map<Integer, String>> fields = sheet(xlsx, "专项字段");
		assertThat(fields).hasSize(6);
		assertThat(fields.get(1).get(2)).isEqualTo("ptaPercent");
		assertThat(fields.get(1).get(3)).isEqualTo("78.5");
		assertThat(fields.get(2)).containsEntry(2, "organFunctionImpaired").containsEntry(3, "否");
		assertThat(fields.get(5).get(3)).isEqualTo("是");
		assertThat(sheet(xlsx, "导出信息")).anySatisfy(row -> assertThat(row.values()).containsExactly("病例数", "2"));
		assertThat(sheet(xlsx, "字段说明")).anySatisfy(row -> assertThat(row.get(4)).contains("DEATH 死亡"));
	}

	@Test
	void writesMoreCasesThanOneBatch() {
		ExportedCase[] cases = new ExportedCase[ProvincialExcelWriter.BATCH * 2 + 7];
		java.util.Arrays.fill(cases, CaseExportFixtures.robotic());
		assertThat(sheet(export(cases), "病例")).hasSize(cases.length + 1);
	}

	private static int column(String path) {
		List<ProvincialExcelWriter.Column> columns = ProvincialExcelWriter.CASE_COLUMNS;
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).path().equals(path)) {
				return i;
			}
		}
		throw new IllegalArgumentException(path);
	}

}
