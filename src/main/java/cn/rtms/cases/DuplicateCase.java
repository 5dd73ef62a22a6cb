package cn.rtms.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The same case (institution, technology, 病案号, operation date) exists: 409
 * {@code DUPLICATE_CASE} naming it ({@code existingId}).
 */
public class DuplicateCase extends ProblemException {

	private final UUID existingId;

	DuplicateCase(UUID existingId, String technology, String medicalRecordNo, @Nullable LocalDate operationDate) {
		super(HttpStatus.CONFLICT, "DUPLICATE_CASE", "病例重复",
				message(existingId, technology, medicalRecordNo, operationDate),
				List.of(new FieldProblem("medicalRecordNo", "与已登记病例重复")));
		this.existingId = existingId;
		getBody().setProperty("existingId", existingId);
	}

	static String message(UUID existingId, String technology, String medicalRecordNo,
			@Nullable LocalDate operationDate) {
		return "本院已登记 " + technology + " 病例（病案号 " + medicalRecordNo + "，手术日期 "
				+ ((operationDate == null) ? "未填" : operationDate) + "，病例编号 " + existingId + "），不能重复登记";
	}

	/**
	 * @return the case that exists
	 */
	public UUID existingId() {
		return this.existingId;
	}

}
