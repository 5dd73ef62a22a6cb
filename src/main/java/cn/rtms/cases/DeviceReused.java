package cn.rtms.cases;

import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A single-use device (GTIN + serial) already recorded in another case: 409
 * {@code DEVICE_REUSED}. A case of the same institution is named with its 病案号
 * ({@code existingCaseId}, and {@code caseId} for a saved case); a case of another
 * institution only by that institution's name, never its 病案号 or id.
 */
public class DeviceReused extends ProblemException {

	private DeviceReused(String field, String detail, @Nullable UUID existingCaseId, @Nullable UUID caseId) {
		super(HttpStatus.CONFLICT, "DEVICE_REUSED", "一次性器械重复使用", detail,
				List.of(new FieldProblem(field, "一次性器械已在其他病例中使用")));
		if (existingCaseId != null) {
			getBody().setProperty("existingCaseId", existingCaseId);
		}
		if (caseId != null) {
			getBody().setProperty("caseId", caseId);
		}
	}

	/** The device is in a case of the same institution: both cases are named. */
	static DeviceReused inOwnCase(String field, String gtin, String serial, UUID existingCaseId,
			String existingMedicalRecordNo, @Nullable UUID caseId, String medicalRecordNo) {
		return new DeviceReused(field,
				"一次性使用器械（GTIN " + gtin + "，序列号 " + serial + "）已登记在病例 " + existingCaseId + "（病案号 "
						+ existingMedicalRecordNo + "）中，不能再用于本病例（" + thisCase(caseId, medicalRecordNo) + "）",
				existingCaseId, caseId);
	}

	/**
	 * The device is in a case of another institution: only that institution is named.
	 */
	static DeviceReused inOtherInstitution(String field, String gtin, String serial, String institutionName,
			@Nullable UUID caseId, String medicalRecordNo) {
		return new DeviceReused(field, heldElsewhere(institutionName) + "（GTIN " + gtin + "，序列号 " + serial
				+ "），不能再用于本病例（" + thisCase(caseId, medicalRecordNo) + "）", null, caseId);
	}

	/** Two cases of one import carry the device. */
	static DeviceReused inBatch(String field, String gtin, String serial, String firstMedicalRecordNo,
			String medicalRecordNo) {
		return new DeviceReused(field, "一次性使用器械（GTIN " + gtin + "，序列号 " + serial + "）在本次导入的两个病例中重复登记（病案号 "
				+ firstMedicalRecordNo + "、" + medicalRecordNo + "），一次性器械不能用于两个病例", null, null);
	}

	/**
	 * The unique index refused a device of an import: a case saved by another transaction
	 * between the check and the insert holds it.
	 */
	static DeviceReused raced(String field) {
		return new DeviceReused(field, "本批病例中的一次性使用器械刚被其他病例登记，请核对器械条码后重试", null, null);
	}

	/**
	 * @param institutionName the other institution
	 * @return the message saying a device is in a case of that institution
	 */
	static String heldElsewhere(String institutionName) {
		return "该一次性使用器械已在其他医疗机构（" + institutionName + "）的病例中登记";
	}

	private static String thisCase(@Nullable UUID caseId, String medicalRecordNo) {
		return ((caseId == null) ? "新病例" : "病例 " + caseId) + "，病案号 " + medicalRecordNo;
	}

}
