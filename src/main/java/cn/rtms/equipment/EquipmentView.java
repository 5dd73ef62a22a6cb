package cn.rtms.equipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One unit of the register as shown, with its schedules, records and attachments.
 *
 * @param id id
 * @param institutionId the institution
 * @param kind equipment code
 * @param kindLabel its Chinese name
 * @param registrationNumber 注册证编号
 * @param manufacturer 生产企业
 * @param model 型号
 * @param serialNumber 序列号
 * @param installedOn 安装日期
 * @param status status
 * @param statusLabel its Chinese label
 * @param location 放置地点
 * @param note 备注
 * @param version for updates
 * @param usable whether the unit counts for eligibility today
 * @param notCounted why it does not, in Chinese; null when usable
 * @param overdue whether a schedule is overdue today
 * @param hyperthermia whether it is a hyperthermia machine (heat-distribution map and
 * manufacturer's safety report expected)
 * @param missingDocuments for a hyperthermia machine: the documents not yet attached
 * @param schedules its schedules
 * @param attachments its attachments (without content)
 */
public record EquipmentView(UUID id, UUID institutionId, String kind, String kindLabel,
		@Nullable String registrationNumber, String manufacturer, String model, String serialNumber,
		LocalDate installedOn, EquipmentStatus status, String statusLabel, @Nullable String location,
		@Nullable String note, long version, boolean usable, @Nullable String notCounted, boolean overdue,
		boolean hyperthermia, List<String> missingDocuments, List<ScheduleView> schedules,
		List<AttachmentView> attachments) {

	/**
	 * A schedule.
	 *
	 * @param id id
	 * @param kind what it plans
	 * @param kindLabel in Chinese
	 * @param item 项目
	 * @param intervalMonths interval
	 * @param nextDue next due date
	 * @param overdue next due before today
	 * @param records its records, newest first
	 */
	public record ScheduleView(UUID id, ScheduleKind kind, String kindLabel, String item, int intervalMonths,
			LocalDate nextDue, boolean overdue, List<RecordView> records) {
	}

	/**
	 * A record.
	 *
	 * @param id id
	 * @param performedOn when
	 * @param performedBy by whom
	 * @param result result
	 * @param resultLabel in Chinese
	 * @param note 备注
	 * @param nextDue next due after it
	 * @param recordedBy who entered it
	 */
	public record RecordView(UUID id, LocalDate performedOn, String performedBy, RecordResult result,
			String resultLabel, @Nullable String note, LocalDate nextDue, String recordedBy) {
	}

	/**
	 * An attachment's description.
	 *
	 * @param id id
	 * @param purpose what it is
	 * @param purposeLabel in Chinese
	 * @param recordId the record it documents, for a test report
	 * @param fileName file name
	 * @param contentType detected type
	 * @param size bytes
	 * @param sha256 checksum
	 * @param uploadedBy who
	 * @param uploadedAt when
	 */
	public record AttachmentView(UUID id, AttachmentPurpose purpose, String purposeLabel, @Nullable UUID recordId,
			String fileName, String contentType, long size, String sha256, String uploadedBy, Instant uploadedAt) {
	}

}
