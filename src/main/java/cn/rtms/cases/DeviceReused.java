package cn.rtms.cases;

import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A single-use device (GTIN + serial) already recorded in another case: 409
 * {@code DEVICE_REUSED} naming both cases ({@code existingCaseId}, {@code caseId}).
 */
public class DeviceReused extends ProblemException {

	DeviceReused(String field, String gtin, String serial, UUID existingCaseId, String existingMedicalRecordNo,
			@Nullable UUID caseId, String medicalRecordNo) {
		super(HttpStatus.CONFLICT, "DEVICE_REUSED", "一次性器械重复使用",
				"一次性使用器械（GTIN " + gtin + "，序列号 " + serial + "）已登记在病例 " + existingCaseId + "（病案号 "
						+ existingMedicalRecordNo + "）中，不能再用于本病例（" + ((caseId == null) ? "新病例" : "病例 " + caseId)
						+ "，病案号 " + medicalRecordNo + "）",
				List.of(new FieldProblem(field, "一次性器械已在其他病例中使用")));
		getBody().setProperty("existingCaseId", existingCaseId);
		if (caseId != null) {
			getBody().setProperty("caseId", caseId);
		}
	}

}
