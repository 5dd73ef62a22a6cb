package cn.rtms.cases.export;

import java.util.Map;

/**
 * The code lists of the case export, with their Chinese names; the same codes appear in
 * the JSON file, the Excel workbook (explained on its 字段说明 sheet) and the FHIR bundle.
 */
public final class CaseExportCodes {

	/** 离院方式 (discharge status). */
	public static final Map<String, String> DISCHARGE_STATUS = ordered("ORDERED", "医嘱离院", "TRANSFER_HOSPITAL", "医嘱转院",
			"TRANSFER_COMMUNITY", "医嘱转社区卫生服务机构/乡镇卫生院", "AGAINST_ADVICE", "非医嘱离院", "AUTO_DISCHARGE_IRREVERSIBLE",
			"自动出院（疾病不可逆）", "DEATH", "死亡", "OTHER", "其他");

	/** Flags set on submit. */
	public static final Map<String, String> FLAGS = ordered("UNFILED", "未备案开展", "FILING_PENDING", "备案办理中（提示）",
			"UNAUTHORIZED", "未授权", "OUT_OF_SCOPE", "超范围", "NO_CONSENT", "未记录知情同意", "NO_PREOP_PATHOLOGY", "甲状腺消融无术前病理",
			"DEVICE_EXPIRED", "使用过期器械", "CODE_NOT_IN_SPEC", "手术编码不在规范编码表内");

	/** Patient sex. */
	public static final Map<String, String> SEX = ordered("M", "男", "F", "女");

	/** How a device barcode was read. */
	public static final Map<String, String> BARCODE_TYPES = ordered("GS1", "GS1 编码（UDI）", "MA", "MA 码（中国）", "PLAIN",
			"其他条码（按扫描原样）");

	/** How a case came in. */
	public static final Map<String, String> SOURCES = ordered("FORM", "表单填报", "IMPORT", "Excel 导入", "DEMO", "演示数据");

	/** Clavien-Dindo grades. */
	public static final Map<String, String> CLAVIEN_DINDO = ordered("I", "I级", "II", "II级", "IIIa", "IIIa级", "IIIb",
			"IIIb级", "III", "III级", "IVa", "IVa级", "IVb", "IVb级", "IV", "IV级", "V", "V级（死亡）");

	private CaseExportCodes() {
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

}
