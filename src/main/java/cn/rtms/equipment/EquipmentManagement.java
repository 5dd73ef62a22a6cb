package cn.rtms.equipment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.audit.AuditTrail;
import cn.rtms.catalog.CodeDictionary;
import cn.rtms.filing.Upload;
import cn.rtms.filing.UploadPolicy;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.InstitutionSummary;
import cn.rtms.rules.EligibilityFactsChanged;
import cn.rtms.web.InputRules;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The equipment register's use cases (docs/equipment.md). Reading: whoever may read the
 * institution ({@link InstitutionManagement#get}: its own hospital users, authorities of
 * its region, the system admin). Changing: the institution's hospital clerk or admin, or
 * the system admin ({@link AccessPolicy#checkWriteInstitution}). Every change is audited,
 * bumps the institution's register revision (the eligibility cache key) and publishes
 * {@link EligibilityFactsChanged} so its filings are re-checked. Input is checked field
 * by field and refused as a whole ({@link InvalidEquipment}, nothing saved).
 */
@Service
@Transactional(readOnly = true)
public class EquipmentManagement {

	/**
	 * 医疗器械注册证编号 (×械注准/进/许 + year + class + 6 digits, e.g. 国械注进20173301234) or a class I
	 * 备案编号 (e.g. 吉长械备20150001号).
	 */
	static final Pattern REGISTRATION_NUMBER = Pattern
		.compile("^(?:\\p{IsHan}械注[准进许]\\d{4}[123]\\d{6}|\\p{IsHan}{1,3}械备\\d{8}号)$");

	static final int MAX_TEXT = 100;

	static final int MAX_NOTE = 500;

	private static final Map<String, String> KINDS = CodeDictionary.standard().group("equipment");

	private final EquipmentStore store;

	private final InstitutionManagement institutions;

	private final AccessPolicy access;

	private final IdentityManagement identity;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final UploadPolicy uploads;

	private final Clock clock;

	EquipmentManagement(EquipmentStore store, InstitutionManagement institutions, AccessPolicy access,
			IdentityManagement identity, AuditTrail audit, ApplicationEventPublisher events, UploadPolicy uploads,
			Clock clock) {
		this.store = store;
		this.institutions = institutions;
		this.access = access;
		this.identity = identity;
		this.audit = audit;
		this.events = events;
		this.uploads = uploads;
		this.clock = clock;
	}

	/**
	 * @param institutionId the institution; the current user's own when null
	 * @return its register (read scope as for the institution)
	 */
	public RegisterView register(@Nullable UUID institutionId) {
		UUID id = institutionId != null ? institutionId : ownInstitution();
		InstitutionDetails institution = this.institutions.get(id);
		LocalDate today = LocalDate.now(this.clock);
		List<EquipmentView> units = views(this.store.units(id), today);
		return new RegisterView(id, institution.name(), this.access.canWriteInstitution(id), units);
	}

	/**
	 * @return every institution the current user may read, with its register in numbers
	 * (institutions without a register included, with zeros)
	 */
	public List<RegisterSummary> overview() {
		List<InstitutionSummary> visible = this.institutions.search(null, null);
		LocalDate today = LocalDate.now(this.clock);
		List<EquipmentView> units = views(this.store.units(visible.stream().map(InstitutionSummary::id).toList()),
				today);
		Map<UUID, List<EquipmentView>> byInstitution = new HashMap<>();
		units.forEach(u -> byInstitution.computeIfAbsent(u.institutionId(), k -> new ArrayList<>()).add(u));
		return visible.stream().map(i -> {
			List<EquipmentView> own = byInstitution.getOrDefault(i.id(), List.of());
			return new RegisterSummary(i.id(), i.name(), i.regionCode(), own.size(),
					(int) own.stream().filter(u -> !u.usable() && u.status() != EquipmentStatus.SCRAPPED).count(),
					(int) own.stream().filter(EquipmentView::overdue).count());
		}).toList();
	}

	/**
	 * @param id a unit
	 * @return the unit (read scope as for its institution)
	 */
	public EquipmentView get(UUID id) {
		EquipmentStore.UnitRow unit = readable(id);
		return views(List.of(unit), LocalDate.now(this.clock)).getFirst();
	}

	/**
	 * Adds a unit to an institution's register.
	 * @param institutionId the institution; the current user's own when null
	 * @param input the unit
	 * @return the saved unit
	 */
	@Transactional
	public EquipmentView create(@Nullable UUID institutionId, EquipmentInput input) {
		UUID institution = institutionId != null ? institutionId : ownInstitution();
		this.institutions.get(institution);
		this.access.checkWriteInstitution(institution);
		EquipmentStore.UnitRow row = checked(UUID.randomUUID(), institution, input, 0);
		this.store.insertUnit(row, this.clock.instant());
		this.audit.record("EQUIPMENT_CREATED", "Equipment", row.id().toString(), null, row);
		changed(institution, "equipment unit created");
		return get(row.id());
	}

	/**
	 * Changes a unit (its status among the rest).
	 * @param id the unit
	 * @param input the unit as it should be, with the version read
	 * @return the saved unit
	 */
	@Transactional
	public EquipmentView update(UUID id, EquipmentInput input) {
		EquipmentStore.UnitRow before = writable(id);
		if (input.version() == null) {
			throw new InvalidEquipment("version", "缺少版本号（version），请重新打开后再保存");
		}
		EquipmentStore.UnitRow row = checked(id, before.institutionId(), input, before.version() + 1);
		if (!this.store.updateUnit(row, input.version(), this.clock.instant())) {
			throw new EquipmentConcurrentlyModified("设备“" + before.model() + "（序列号 " + before.serialNumber()
					+ "）”已被他人修改（当前版本 " + before.version() + "，提交的版本 " + input.version() + "），请刷新后重新修改；本次修改未保存");
		}
		this.audit.record(before.status() != row.status() ? "EQUIPMENT_STATUS_CHANGED" : "EQUIPMENT_UPDATED",
				"Equipment", id.toString(), before, row);
		changed(before.institutionId(), "equipment unit updated");
		return get(id);
	}

	/**
	 * Adds a maintenance, inspection or safety test schedule to a unit.
	 * @param unitId the unit
	 * @param input the schedule
	 * @return the unit
	 */
	@Transactional
	public EquipmentView addSchedule(UUID unitId, ScheduleInput input) {
		EquipmentStore.UnitRow unit = writable(unitId);
		List<FieldProblem> errors = new ArrayList<>();
		if (input.kind() == null) {
			errors.add(new FieldProblem("kind", "计划类别不能为空（维护保养、检测或第三方环境安全检测）"));
		}
		String item = text(input.item(), "item", "项目名称", MAX_TEXT, true, errors);
		Integer interval = input.intervalMonths();
		if (interval == null) {
			errors.add(new FieldProblem("intervalMonths", "周期（月）不能为空"));
		}
		else if (interval < 1 || interval > 120) {
			errors.add(new FieldProblem("intervalMonths", "周期须为 1–120 个月，收到 " + interval));
		}
		if (input.firstDue() != null) {
			date(input.firstDue(), "firstDue", "首次到期日", errors);
		}
		if (input.kind() != null && item != null && this.store.scheduleItemTaken(unitId, input.kind(), item)) {
			errors.add(new FieldProblem("item", "该设备已有" + input.kind().label() + "项目“" + item + "”"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidEquipment(errors);
		}
		int months = Objects.requireNonNull(interval);
		LocalDate firstDue = input.firstDue() != null ? input.firstDue() : unit.installedOn().plusMonths(months);
		EquipmentStore.ScheduleRow row = new EquipmentStore.ScheduleRow(UUID.randomUUID(), unitId,
				Objects.requireNonNull(input.kind()), Objects.requireNonNull(item), months, firstDue);
		this.store.insertSchedule(row, this.clock.instant());
		this.audit.record("EQUIPMENT_SCHEDULE_ADDED", "Equipment", unitId.toString(), null, row);
		changed(unit.institutionId(), "equipment schedule added");
		return get(unitId);
	}

	/**
	 * Records a maintenance, inspection or safety test done; the schedule is next due
	 * when the latest record says.
	 * @param unitId the unit
	 * @param scheduleId its schedule
	 * @param input the record
	 * @return the unit
	 */
	@Transactional
	public EquipmentView addRecord(UUID unitId, UUID scheduleId, RecordInput input) {
		EquipmentStore.UnitRow unit = writable(unitId);
		EquipmentStore.ScheduleRow schedule = this.store.schedule(scheduleId)
			.filter(s -> s.unitId().equals(unitId))
			.orElseThrow(() -> new EquipmentNotFound("该设备没有编号为 " + scheduleId + " 的维护检测计划"));
		List<FieldProblem> errors = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		LocalDate performedOn = input.performedOn();
		if (performedOn == null) {
			errors.add(new FieldProblem("performedOn", "日期不能为空"));
		}
		else if (date(performedOn, "performedOn", "日期", errors)) {
			if (performedOn.isAfter(today)) {
				errors.add(new FieldProblem("performedOn", "日期 " + performedOn + " 晚于今天（" + today + "）"));
			}
			else if (performedOn.isBefore(unit.installedOn())) {
				errors.add(new FieldProblem("performedOn", "日期 " + performedOn + " 早于设备安装日期 " + unit.installedOn()));
			}
		}
		String by = text(input.performedBy(), "performedBy",
				schedule.kind() == ScheduleKind.SAFETY_TEST ? "检测机构" : "执行人", MAX_TEXT, true, errors);
		if (input.result() == null) {
			errors.add(new FieldProblem("result", "结果不能为空（合格或不合格）"));
		}
		String note = text(input.note(), "note", "备注", MAX_NOTE, false, errors);
		LocalDate nextDue = input.nextDue();
		if (nextDue != null && date(nextDue, "nextDue", "下次到期日", errors) && performedOn != null
				&& !nextDue.isAfter(performedOn)) {
			errors.add(new FieldProblem("nextDue", "下次到期日 " + nextDue + " 须晚于本次日期 " + performedOn));
		}
		if (!errors.isEmpty()) {
			throw new InvalidEquipment(errors);
		}
		LocalDate done = Objects.requireNonNull(performedOn);
		EquipmentStore.RecordRow row = new EquipmentStore.RecordRow(UUID.randomUUID(), scheduleId, done,
				Objects.requireNonNull(by), Objects.requireNonNull(input.result()), note,
				nextDue != null ? nextDue : done.plusMonths(schedule.intervalMonths()),
				this.identity.currentUser().displayName());
		this.store.insertRecord(row, this.clock.instant());
		this.audit.record("EQUIPMENT_RECORD_ADDED", "Equipment", unitId.toString(), null, row);
		changed(unit.institutionId(), "equipment record added");
		return get(unitId);
	}

	/**
	 * Attaches a file to a unit: the heat-distribution map or the manufacturer's safety
	 * report of a hyperthermia machine, or the report of one of its records. The file is
	 * checked by the filing module's {@link UploadPolicy} (PDF, JPEG, PNG, DOCX, XLSX by
	 * content, size limit).
	 * @param unitId the unit
	 * @param purpose what the file is
	 * @param recordId the record, for {@link AttachmentPurpose#TEST_REPORT}
	 * @param upload the file
	 * @return the unit
	 */
	@Transactional
	public EquipmentView attach(UUID unitId, @Nullable AttachmentPurpose purpose, @Nullable UUID recordId,
			Upload upload) {
		EquipmentStore.UnitRow unit = writable(unitId);
		if (purpose == null) {
			throw new InvalidEquipment("purpose", "附件类别不能为空（热分布图、生产企业环境安全检测报告或检测报告）");
		}
		if (purpose == AttachmentPurpose.TEST_REPORT) {
			if (recordId == null) {
				throw new InvalidEquipment("recordId", "检测报告须指明所属的维护检测记录");
			}
			if (!this.store.unitOfRecord(recordId).map(unitId::equals).orElse(false)) {
				throw new InvalidEquipment("recordId", "该设备没有编号为 " + recordId + " 的维护检测记录");
			}
		}
		else {
			if (recordId != null) {
				throw new InvalidEquipment("recordId", purpose.label() + "属于设备本身，不能指定维护检测记录");
			}
			if (!Usability.hyperthermia(unit.kind())) {
				throw new InvalidEquipment("purpose", purpose.label() + "仅适用于热疗设备（深部热疗设备、全身热疗设备），该设备为"
						+ KINDS.getOrDefault(unit.kind(), unit.kind()));
			}
		}
		String contentType = this.uploads.check(upload);
		String fileName = UploadPolicy.fileName(upload);
		UUID id = UUID.randomUUID();
		String sha256 = UploadPolicy.sha256(upload.content());
		this.store.insertAttachment(id, unitId, recordId, purpose, fileName, contentType, sha256, upload.content(),
				this.identity.currentUser().displayName(), this.clock.instant());
		this.audit.record("EQUIPMENT_ATTACHMENT_ADDED", "Equipment", unitId.toString(), null, Map.of("purpose",
				purpose.name(), "fileName", fileName, "sha256", sha256, "recordId", String.valueOf(recordId)));
		changed(unit.institutionId(), "equipment attachment added");
		return get(unitId);
	}

	/**
	 * @param unitId the unit
	 * @param attachmentId its attachment
	 * @return the file (read scope as for the institution; the download is audited)
	 */
	public StoredAttachment attachment(UUID unitId, UUID attachmentId) {
		readable(unitId);
		StoredAttachment file = this.store.attachment(unitId, attachmentId)
			.orElseThrow(() -> new EquipmentNotFound("该设备没有编号为 " + attachmentId + " 的附件"));
		this.audit.recordEvent("EQUIPMENT_ATTACHMENT_DOWNLOADED", "Equipment", unitId.toString(),
				Map.of("fileName", file.fileName(), "sha256", file.sha256()));
		return file;
	}

	/**
	 * The views of units with their schedules, records and attachments, judged on a day.
	 */
	List<EquipmentView> views(List<EquipmentStore.UnitRow> units, LocalDate today) {
		List<UUID> ids = units.stream().map(EquipmentStore.UnitRow::id).toList();
		Map<UUID, List<EquipmentStore.ScheduleRow>> schedules = new LinkedHashMap<>();
		List<EquipmentStore.ScheduleRow> allSchedules = this.store.schedules(ids);
		allSchedules.forEach(s -> schedules.computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(s));
		Map<UUID, List<EquipmentStore.RecordRow>> records = new HashMap<>();
		this.store.records(allSchedules.stream().map(EquipmentStore.ScheduleRow::id).toList())
			.forEach(r -> records.computeIfAbsent(r.scheduleId(), k -> new ArrayList<>()).add(r));
		Map<UUID, List<EquipmentView.AttachmentView>> attachments = new HashMap<>();
		this.store.attachments(ids)
			.forEach(a -> attachments.computeIfAbsent(a.unitId(), k -> new ArrayList<>()).add(a.view()));
		List<EquipmentView> views = new ArrayList<>();
		for (EquipmentStore.UnitRow u : units) {
			List<EquipmentStore.ScheduleRow> own = schedules.getOrDefault(u.id(), List.of());
			String notCounted = Usability.notCounted(u.status(), own, today);
			List<EquipmentView.AttachmentView> files = attachments.getOrDefault(u.id(), List.of());
			boolean hyperthermia = Usability.hyperthermia(u.kind());
			List<String> missing = new ArrayList<>();
			if (hyperthermia) {
				for (AttachmentPurpose purpose : List.of(AttachmentPurpose.HEAT_DISTRIBUTION_MAP,
						AttachmentPurpose.MANUFACTURER_SAFETY_REPORT)) {
					if (files.stream().noneMatch(f -> f.purpose() == purpose)) {
						missing.add(purpose.label());
					}
				}
			}
			List<EquipmentView.ScheduleView> scheduleViews = own.stream()
				.map(s -> new EquipmentView.ScheduleView(s.id(), s.kind(), s.kind().label(), s.item(),
						s.intervalMonths(), s.nextDue(), Usability.overdue(s, today),
						records.getOrDefault(s.id(), List.of())
							.stream()
							.map(r -> new EquipmentView.RecordView(r.id(), r.performedOn(), r.performedBy(), r.result(),
									r.result().label(), r.note(), r.nextDue(), r.recordedBy()))
							.toList()))
				.toList();
			views.add(new EquipmentView(u.id(), u.institutionId(), u.kind(), KINDS.getOrDefault(u.kind(), u.kind()),
					u.registrationNumber(), u.manufacturer(), u.model(), u.serialNumber(), u.installedOn(), u.status(),
					u.status().label(), u.location(), u.note(), u.version(), notCounted == null, notCounted,
					own.stream().anyMatch(s -> Usability.overdue(s, today)), hyperthermia, missing, scheduleViews,
					files));
		}
		views.sort(Comparator.comparing(EquipmentView::kind).thenComparing(EquipmentView::serialNumber));
		return views;
	}

	private EquipmentStore.UnitRow checked(UUID id, UUID institutionId, EquipmentInput input, long version) {
		List<FieldProblem> errors = new ArrayList<>();
		String kind = input.kind() == null ? null : input.kind().strip();
		if (kind == null || kind.isEmpty()) {
			errors.add(new FieldProblem("kind", "设备类型不能为空"));
		}
		else if (!KINDS.containsKey(kind)) {
			errors.add(new FieldProblem("kind", "设备类型“" + printable(kind) + "”不在设备字典中"));
		}
		String registration = text(input.registrationNumber(), "registrationNumber", "注册证编号", 40, false, errors);
		if (registration != null && !REGISTRATION_NUMBER.matcher(registration).matches()) {
			errors.add(new FieldProblem("registrationNumber", "注册证编号“" + printable(registration)
					+ "”格式不正确，应为如“国械注进20173301234”的医疗器械注册证编号或如“吉长械备20150001号”的备案编号"));
		}
		String manufacturer = text(input.manufacturer(), "manufacturer", "生产企业", MAX_TEXT, true, errors);
		String model = text(input.model(), "model", "型号", MAX_TEXT, true, errors);
		String serial = text(input.serialNumber(), "serialNumber", "序列号", MAX_TEXT, true, errors);
		LocalDate installedOn = input.installedOn();
		LocalDate today = LocalDate.now(this.clock);
		if (installedOn == null) {
			errors.add(new FieldProblem("installedOn", "安装日期不能为空"));
		}
		else if (date(installedOn, "installedOn", "安装日期", errors) && installedOn.isAfter(today)) {
			errors.add(new FieldProblem("installedOn", "安装日期 " + installedOn + " 晚于今天（" + today + "）"));
		}
		if (input.status() == null) {
			errors.add(new FieldProblem("status", "状态不能为空（在用、停用、维修中或报废）"));
		}
		String location = text(input.location(), "location", "放置地点", MAX_TEXT, false, errors);
		String note = text(input.note(), "note", "备注", MAX_NOTE, false, errors);
		if (kind != null && serial != null && KINDS.containsKey(kind)
				&& this.store.serialTaken(institutionId, kind, serial, id)) {
			errors.add(new FieldProblem("serialNumber", "本机构已登记序列号为“" + serial + "”的" + KINDS.get(kind)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidEquipment(errors);
		}
		return new EquipmentStore.UnitRow(id, institutionId, Objects.requireNonNull(kind), registration,
				Objects.requireNonNull(manufacturer), Objects.requireNonNull(model), Objects.requireNonNull(serial),
				Objects.requireNonNull(installedOn), Objects.requireNonNull(input.status()), location, note, version);
	}

	private static @Nullable String text(@Nullable String value, String field, String label, int max, boolean required,
			List<FieldProblem> errors) {
		String stripped = value == null ? null : value.strip();
		if (stripped == null || stripped.isEmpty()) {
			if (required) {
				errors.add(new FieldProblem(field, label + "不能为空"));
			}
			return null;
		}
		String problem = InputRules.problem(stripped, max);
		if (problem != null) {
			errors.add(new FieldProblem(field, label + problem));
			return null;
		}
		return stripped;
	}

	private static boolean date(LocalDate date, String field, String label, List<FieldProblem> errors) {
		String problem = InputRules.problem(date);
		if (problem != null) {
			errors.add(new FieldProblem(field, label + problem));
			return false;
		}
		return true;
	}

	private static String printable(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	private EquipmentStore.UnitRow readable(UUID id) {
		EquipmentStore.UnitRow unit = this.store.unit(id)
			.orElseThrow(() -> new EquipmentNotFound("没有编号为 " + id + " 的设备"));
		this.institutions.get(unit.institutionId());
		return unit;
	}

	private EquipmentStore.UnitRow writable(UUID id) {
		EquipmentStore.UnitRow unit = readable(id);
		this.access.checkWriteInstitution(unit.institutionId());
		return unit;
	}

	private UUID ownInstitution() {
		CurrentUser user = this.identity.currentUser();
		if (user.institutionId() == null) {
			throw new InvalidEquipment("institutionId", "请选择医疗机构（当前账号未关联医疗机构）");
		}
		return user.institutionId();
	}

	private void changed(UUID institutionId, String what) {
		this.store.bumpRevision(institutionId);
		this.events.publishEvent(new EligibilityFactsChanged(institutionId, null, what));
	}

	/**
	 * Units of the given institutions as {@link EquipmentView}s, judged on a day (no
	 * scope check).
	 */
	List<EquipmentView> unscopedViews(Set<UUID> institutionIds, LocalDate today) {
		return views(this.store.units(institutionIds), today);
	}

}
