package cn.rtms.cases.discharge;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.cases.codes.ProcedureCodeNormaliser.NormalisedCode;
import org.jspecify.annotations.Nullable;

/**
 * One discharge abstract (病案首页) row as read and checked from an uploaded file. Patient
 * names, ID numbers and phone numbers are never read.
 *
 * @param row the row number in the file (the header is row 1)
 * @param medicalRecordNo 病案号
 * @param inpatientNo 住院号, or null
 * @param admissionDate 入院日期
 * @param dischargeDate 出院日期
 * @param department 科室, or null
 * @param principalCode 主要手术操作编码, or null when blank
 * @param otherCodes 其他手术操作编码, in file order
 * @param operationDate 手术日期, or null when the row has no procedure code
 * @param operator 术者 as written (name or 医师执业证书编码), or null
 * @param dischargeMethod 离院方式 as a case-registry code (ORDERED, TRANSFER_HOSPITAL,
 * TRANSFER_COMMUNITY, AGAINST_ADVICE, AUTO_DISCHARGE_IRREVERSIBLE, DEATH, OTHER), or null
 */
record DischargeRow(int row, String medicalRecordNo, @Nullable String inpatientNo, LocalDate admissionDate,
		LocalDate dischargeDate, @Nullable String department, @Nullable NormalisedCode principalCode,
		List<NormalisedCode> otherCodes, @Nullable LocalDate operationDate, @Nullable String operator,
		@Nullable String dischargeMethod) {

	DischargeRow {
		otherCodes = List.copyOf(otherCodes);
	}

	/**
	 * @return a digest of the row's content (not its position), so the same abstract in
	 * another upload is recognised
	 */
	String contentKey() {
		StringBuilder s = new StringBuilder();
		s.append(this.medicalRecordNo).append('\u001f').append(nz(this.inpatientNo)).append('\u001f');
		s.append(this.admissionDate).append('\u001f').append(this.dischargeDate).append('\u001f');
		s.append(nz(this.department)).append('\u001f');
		s.append(this.principalCode == null ? "" : key(this.principalCode)).append('\u001f');
		this.otherCodes.forEach(c -> s.append(key(c)).append('\u001e'));
		s.append('\u001f').append(this.operationDate).append('\u001f').append(nz(this.operator));
		s.append('\u001f').append(nz(this.dischargeMethod));
		return Digests.sha256(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static String key(NormalisedCode code) {
		return code.code() != null ? code.code() : "?" + code.raw().strip();
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}

}
