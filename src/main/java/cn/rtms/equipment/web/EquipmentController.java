package cn.rtms.equipment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import cn.rtms.equipment.AttachmentPurpose;
import cn.rtms.equipment.EquipmentInput;
import cn.rtms.equipment.EquipmentManagement;
import cn.rtms.equipment.EquipmentView;
import cn.rtms.equipment.InvalidEquipment;
import cn.rtms.equipment.RecordInput;
import cn.rtms.equipment.RegisterSummary;
import cn.rtms.equipment.RegisterView;
import cn.rtms.equipment.ScheduleInput;
import cn.rtms.equipment.StoredAttachment;
import cn.rtms.filing.Upload;
import cn.rtms.filing.UploadPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 设备登记 over HTTP (docs/equipment.md); scope and rules are checked in
 * {@link EquipmentManagement}.
 */
@RestController
@Tag(name = "设备登记", description = "设备台账、维护检测计划与记录、第三方环境安全检测、热疗设备热分布图与安全检测报告")
class EquipmentController {

	private final EquipmentManagement equipment;

	private final UploadPolicy uploads;

	EquipmentController(EquipmentManagement equipment, UploadPolicy uploads) {
		this.uploads = uploads;
		this.equipment = equipment;
	}

	@GetMapping("/api/equipment")
	@Operation(summary = "一个医疗机构的设备登记（医院账号默认本机构）")
	RegisterView register(@RequestParam(required = false) @Nullable UUID institutionId) {
		return this.equipment.register(institutionId);
	}

	@GetMapping("/api/equipment/overview")
	@Operation(summary = "数据范围内各医疗机构的设备数、不计入资质评估的设备数与逾期设备数")
	List<RegisterSummary> overview() {
		return this.equipment.overview();
	}

	@PostMapping("/api/equipment")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记设备（本机构医务科、医院管理员或系统管理员）")
	EquipmentView create(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestBody EquipmentInput input) {
		return this.equipment.create(institutionId, input);
	}

	@GetMapping("/api/equipment/{id}")
	@Operation(summary = "一台设备及其维护检测计划、记录与附件")
	EquipmentView get(@PathVariable UUID id) {
		return this.equipment.get(id);
	}

	@PutMapping("/api/equipment/{id}")
	@Operation(summary = "修改设备（含状态：在用、停用、维修中、报废；须带读取时的 version）")
	EquipmentView update(@PathVariable UUID id, @RequestBody EquipmentInput input) {
		return this.equipment.update(id, input);
	}

	@PostMapping("/api/equipment/{id}/schedules")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新增维护保养、检测或第三方环境安全检测计划（周期按月）")
	EquipmentView addSchedule(@PathVariable UUID id, @RequestBody ScheduleInput input) {
		return this.equipment.addSchedule(id, input);
	}

	@PostMapping("/api/equipment/{id}/schedules/{scheduleId}/records")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记一次维护、检测或第三方环境安全检测（日期、执行人或检测机构、结果、下次到期日）")
	EquipmentView addRecord(@PathVariable UUID id, @PathVariable UUID scheduleId, @RequestBody RecordInput input) {
		return this.equipment.addRecord(id, scheduleId, input);
	}

	@PostMapping(path = "/api/equipment/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "上传附件（multipart）：热分布图、生产企业环境安全检测报告（热疗设备），或某次记录的检测报告（recordId）")
	EquipmentView attach(@PathVariable UUID id, @RequestParam(required = false) @Nullable AttachmentPurpose purpose,
			@RequestParam(required = false) @Nullable UUID recordId,
			@RequestPart(required = false) @Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new InvalidEquipment("file", "必须上传文件（file）");
		}
		try {
			String name = file.getOriginalFilename();
			this.uploads.checkSize(name, file.getSize());
			return this.equipment.attach(id, purpose, recordId, new Upload(name == null ? "" : name, file.getBytes()));
		}
		catch (IOException ex) {
			throw new InvalidEquipment("file", "读取上传文件失败");
		}
	}

	@GetMapping("/api/equipment/{id}/attachments/{attachmentId}")
	@Operation(summary = "下载附件")
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		StoredAttachment file = this.equipment.attachment(id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-SHA256", file.sha256())
			.body(file.content());
	}

}
