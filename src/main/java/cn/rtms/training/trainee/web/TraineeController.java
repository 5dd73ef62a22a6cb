package cn.rtms.training.trainee.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.training.trainee.OverseasTrainings;
import cn.rtms.training.trainee.OverseasTrainings.OverseasView;
import cn.rtms.training.trainee.TraineeFiles;
import cn.rtms.training.trainee.TraineeModel.CaseEntryInput;
import cn.rtms.training.trainee.TraineeModel.ConclusionInput;
import cn.rtms.training.trainee.TraineeModel.Enrolment;
import cn.rtms.training.trainee.TraineeModel.ExamInput;
import cn.rtms.training.trainee.TraineeModel.FileEdit;
import cn.rtms.training.trainee.TraineeModel.FileSummary;
import cn.rtms.training.trainee.TraineeModel.FileView;
import cn.rtms.training.trainee.TraineeModel.Verdict;
import cn.rtms.training.trainee.TraineePdf;
import cn.rtms.training.trainee.TraineePickers;
import cn.rtms.training.trainee.TrainingExemptions;
import cn.rtms.training.trainee.TrainingExemptions.ExemptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * The training file over HTTP (docs/training.md "Trainees"); scope and every rule are
 * checked in the services.
 */
@RestController
@Tag(name = "学员培训档案", description = "学员报名、培训期与理论学时、病例记录、考核、结业结论、完成情况评估、培训合格证明与档案导出；境外培训认可；免于培训申请与审核")
class TraineeController {

	private final TraineeFiles files;

	private final TraineePdf pdf;

	private final TrainingExemptions exemptions;

	private final OverseasTrainings overseas;

	private final TraineePickers pickers;

	TraineeController(TraineeFiles files, TraineePdf pdf, TrainingExemptions exemptions, OverseasTrainings overseas,
			TraineePickers pickers) {
		this.files = files;
		this.pdf = pdf;
		this.exemptions = exemptions;
		this.overseas = overseas;
		this.pickers = pickers;
	}

	@GetMapping("/api/trainees")
	@Operation(summary = "学员培训档案列表", description = "当前账号数据范围内的档案（培训基地所在机构、学员所在机构、辖区卫生健康行政部门、医师本人）")
	List<FileSummary> list(@RequestParam(required = false) @Nullable UUID baseId,
			@RequestParam(required = false) @Nullable UUID personId) {
		return this.files.list(baseId, personId);
	}

	@PostMapping("/api/trainees")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "学员报名", description = "培训基地须于报名当日已备案该技术，学员须满足规范的培训对象条款；不满足时逐条说明")
	FileView enrol(@RequestBody Enrolment body) {
		return this.files.enrol(body);
	}

	@GetMapping("/api/trainees/enrolment-bases")
	@Operation(summary = "可报名的培训基地", description = "今日已备案该技术的培训基地（供报名选择）；限医疗机构医务科、医院管理员、培训基地管理员及卫生健康行政部门")
	List<TraineePickers.BaseOption> enrolmentBases(@RequestParam(required = false) @Nullable String technology) {
		return this.pickers.enrolmentBases(technology);
	}

	@GetMapping("/api/trainees/{id}/instructors")
	@Operation(summary = "病例日期当日的指导医师", description = "培训基地于该日在任的指导医师（供记录病例选择）；限保管该档案的培训基地所在机构")
	List<TraineePickers.InstructorOption> instructors(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
		return this.pickers.instructors(id, on);
	}

	@GetMapping("/api/trainees/{id}")
	@Operation(summary = "学员培训档案")
	FileView get(@PathVariable UUID id) {
		return this.files.get(id);
	}

	@PutMapping("/api/trainees/{id}")
	@Operation(summary = "修改培训期与理论学时")
	FileView update(@PathVariable UUID id, @RequestBody FileEdit body) {
		return this.files.update(id, body);
	}

	@PostMapping("/api/trainees/{id}/cases")
	@Operation(summary = "记录病例", description = "病例日期须在培训期内，指导医师须为培训基地当日的指导医师")
	FileView logCase(@PathVariable UUID id, @RequestBody CaseEntryInput body) {
		return this.files.logCase(id, body);
	}

	@DeleteMapping("/api/trainees/{id}/cases/{caseEntryId}")
	@Operation(summary = "删除误记的病例")
	FileView removeCase(@PathVariable UUID id, @PathVariable UUID caseEntryId) {
		return this.files.removeCase(id, caseEntryId);
	}

	@PostMapping("/api/trainees/{id}/exams")
	@Operation(summary = "记录考核成绩", description = "理论或技能考核，0–100 分，60 分及格")
	FileView recordExam(@PathVariable UUID id, @RequestBody ExamInput body) {
		return this.files.recordExam(id, body);
	}

	@PostMapping("/api/trainees/{id}/conclusion")
	@Operation(summary = "作出考核结论", description = "培训期结束后；合格须有合格的理论与技能考核")
	FileView conclude(@PathVariable UUID id, @RequestBody ConclusionInput body) {
		return this.files.conclude(id, body);
	}

	@GetMapping("/api/trainees/{id}/verdict")
	@Operation(summary = "完成情况评估", description = "规则引擎按规范逐条评估培训对象条款与培训要求（时长、学时、病例数、考核）")
	Verdict verdict(@PathVariable UUID id) {
		return this.files.verdict(id);
	}

	@GetMapping("/api/trainees/{id}/certificate.pdf")
	@Operation(summary = "培训合格证明（PDF）")
	ResponseEntity<byte[]> certificate(@PathVariable UUID id) {
		return pdf(this.pdf.certificate(id), "培训合格证明-" + id + ".pdf");
	}

	@GetMapping("/api/trainees/{id}/export.pdf")
	@Operation(summary = "导出学员培训档案（PDF）")
	ResponseEntity<byte[]> export(@PathVariable UUID id) {
		return pdf(this.pdf.export(id), "学员培训档案-" + id + ".pdf");
	}

	@GetMapping("/api/training-exemptions")
	@Operation(summary = "免于培训申请列表")
	List<ExemptionView> exemptions(@RequestParam(required = false) @Nullable UUID personId) {
		return this.exemptions.list(personId);
	}

	@PostMapping("/api/training-exemptions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "申请免于培训", description = "按规范的免于培训条款评估并保存评估结果，待卫生健康行政部门审核")
	ExemptionView request(@RequestBody TrainingExemptions.ExemptionRequest body) {
		return this.exemptions.request(body);
	}

	@GetMapping("/api/training-exemptions/{id}")
	@Operation(summary = "免于培训申请")
	ExemptionView exemption(@PathVariable UUID id) {
		return this.exemptions.get(id);
	}

	@PostMapping("/api/training-exemptions/{id}/decision")
	@Operation(summary = "审核免于培训申请", description = "批准时重新评估，须全部条款符合")
	ExemptionView decide(@PathVariable UUID id, @RequestBody TrainingExemptions.ExemptionDecision body) {
		return this.exemptions.decide(id, body);
	}

	@GetMapping("/api/overseas-trainings")
	@Operation(summary = "境外培训列表")
	List<OverseasView> overseas(@RequestParam(required = false) @Nullable UUID personId) {
		return this.overseas.list(personId);
	}

	@PostMapping(path = "/api/overseas-trainings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记境外培训", description = "仅限规范规定了境外培训途径的技术；须上传培训证书（PDF、JPEG 或 PNG，10 MB 以内）")
	OverseasView submit(@RequestParam(required = false) @Nullable UUID personId,
			@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable String host,
			@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startedOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endedOn,
			@RequestPart(name = "file", required = false) @Nullable MultipartFile file) throws IOException {
		if (file != null) {
			OverseasTrainings.checkCertificateSize(file.getSize());
		}
		OverseasTrainings.Certificate certificate = (file == null || file.isEmpty()) ? null
				: new OverseasTrainings.Certificate(
						file.getOriginalFilename() == null ? "certificate" : file.getOriginalFilename(),
						String.valueOf(file.getContentType()), file.getBytes());
		return this.overseas.submit(
				new OverseasTrainings.Submission(personId, technology, host, country, startedOn, endedOn), certificate);
	}

	@PostMapping("/api/overseas-trainings/{id}/assessment")
	@Operation(summary = "评估境外培训", description = "认可或不予认可，须填写评估意见")
	OverseasView assess(@PathVariable UUID id, @RequestBody OverseasTrainings.OverseasAssessment body) {
		return this.overseas.assess(id, body);
	}

	@GetMapping("/api/overseas-trainings/{id}/certificate")
	@Operation(summary = "下载境外培训证书")
	ResponseEntity<byte[]> overseasCertificate(@PathVariable UUID id) {
		OverseasTrainings.Certificate certificate = this.overseas.certificate(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(certificate.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(certificate.name(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(certificate.content());
	}

	private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}

}
