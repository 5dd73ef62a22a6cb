package cn.rtms.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The commands of the seed ledger; actor, institution and time come from the session and
 * the clock.
 */
public final class SeedCommands {

	private SeedCommands() {
	}

	/**
	 * 入库: a lot received from the supplier.
	 *
	 * @param isotope isotope code, e.g. I-125
	 * @param supplier 供货单位
	 * @param nmpaApproval 国家药品监督管理局批准文号 / 注册证号 of the seed product (G07 三(十))
	 * @param lotNo 批号
	 * @param quantity seeds received
	 * @param activityMci activity per seed at the calibration date, mCi
	 * @param calibrationDate 标定日期
	 * @param storageLocation 储存位置
	 * @param custodianId the person in charge of the store (a person of the institution)
	 * @param note remark
	 */
	public record ReceiveLot(@NotBlank(message = "核素不能为空") @Size(max = 10, message = "核素代码不能超过 10 个字符") String isotope,
			@NotBlank(message = "供货单位不能为空") @Size(max = 100, message = "供货单位不能超过 100 个字") String supplier,
			@NotBlank(message = "批准文号不能为空") @Size(max = 60, message = "批准文号不能超过 60 个字符") String nmpaApproval,
			@NotBlank(message = "批号不能为空") @Size(max = 40, message = "批号不能超过 40 个字符") @Pattern(
					regexp = "[\\p{IsHan}A-Za-z0-9._/-]+", message = "批号只能包含汉字、字母、数字和 . _ / -") String lotNo,
			@NotNull(message = "入库数量不能为空") @Min(value = 1, message = "入库数量至少 1 颗") @Max(value = 10000,
					message = "入库数量不能超过 10000 颗") Integer quantity,
			@NotNull(message = "单粒活度不能为空") @DecimalMin(value = "0.0001", message = "单粒活度必须大于 0") @DecimalMax(
					value = "100", message = "单粒活度不能超过 100 mCi") @Digits(integer = 3, fraction = 4,
							message = "单粒活度最多 4 位小数") BigDecimal activityMci,
			@NotNull(message = "标定日期不能为空") LocalDate calibrationDate,
			@NotBlank(message = "储存位置不能为空") @Size(max = 100, message = "储存位置不能超过 100 个字") String storageLocation,
			@NotNull(message = "保管人不能为空") UUID custodianId,
			@Nullable @Size(max = 500, message = "备注不能超过 500 个字") String note) {
	}

	/**
	 * A movement of an existing lot.
	 *
	 * @param kind ISSUED, IMPLANTED, RETURNED, LOST, LEAKED, DISPOSED or RELOCATED
	 * @param quantity seeds (for RELOCATED: the whole store of the lot, which moves
	 * together)
	 * @param issueId the issue an IMPLANTED, RETURNED (or a LOST / LEAKED during the
	 * procedure) belongs to
	 * @param caseId the G07 case (for ISSUED or IMPLANTED)
	 * @param note remark
	 * @param storageLocation for RELOCATED: the new storage place (储存位置)
	 * @param custodianId for RELOCATED: the new custodian (a person of the institution)
	 */
	public record RecordMovement(@NotNull(message = "变动类型不能为空") MovementKind kind,
			@NotNull(message = "数量不能为空") @Min(value = 1, message = "数量至少 1 颗") @Max(value = 10000,
					message = "数量不能超过 10000 颗") Integer quantity,
			@Nullable UUID issueId, @Nullable UUID caseId,
			@Nullable @Size(max = 500, message = "备注不能超过 500 个字") String note,
			@Nullable @Size(max = 100, message = "储存位置不能超过 100 个字") String storageLocation,
			@Nullable UUID custodianId) {

		/**
		 * A movement that does not relocate the lot.
		 * @param kind the kind
		 * @param quantity seeds
		 * @param issueId the issue
		 * @param caseId the case
		 * @param note remark
		 */
		public RecordMovement(MovementKind kind, Integer quantity, @Nullable UUID issueId, @Nullable UUID caseId,
				@Nullable String note) {
			this(kind, quantity, issueId, caseId, note, null, null);
		}

	}

	/**
	 * A compensating entry cancelling a wrong one.
	 *
	 * @param reason why, recorded as the entry's note
	 */
	public record CorrectMovement(
			@NotBlank(message = "冲正原因不能为空") @Size(max = 500, message = "冲正原因不能超过 500 个字") String reason) {
	}

	/**
	 * 盘点: seeds physically found in the store for a lot.
	 *
	 * @param counted seeds found
	 * @param note remark
	 */
	public record RecordCount(
			@NotNull(message = "盘点数量不能为空") @Min(value = 0, message = "盘点数量不能为负") @Max(value = 10000,
					message = "盘点数量不能超过 10000 颗") Integer counted,
			@Nullable @Size(max = 500, message = "备注不能超过 500 个字") String note) {
	}

	/**
	 * Ticks a step of an incident's emergency plan.
	 *
	 * @param note what was done
	 */
	public record TickStep(@Nullable @Size(max = 500, message = "处置说明不能超过 500 个字") String note) {
	}

	/**
	 * A radiation-safety record (G07 三(七)).
	 *
	 * @param kind TRAINING, HEALTH_EXAM (both with a person) or ENV_INSPECTION
	 * @param personId the person trained or examined
	 * @param doneOn the day
	 * @param dueOn the next one is due by this day; by default 2 years (training, health
	 * examination) or 1 year (inspection) later
	 * @param reference certificate or report number
	 * @param conclusion the result (合格, 可继续从事放射工作 …)
	 */
	public record RecordSafety(@NotNull(message = "记录类型不能为空") SafetyKind kind, @Nullable UUID personId,
			@NotNull(message = "日期不能为空") LocalDate doneOn, @Nullable LocalDate dueOn,
			@Nullable @Size(max = 100, message = "证书或报告编号不能超过 100 个字符") String reference,
			@Nullable @Size(max = 200, message = "结论不能超过 200 个字") String conclusion) {
	}

}
