package cn.rtms.assessment.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.rtms.assessment.Assessment;
import cn.rtms.assessment.AssessmentManagement;
import cn.rtms.assessment.AssessmentPdf;
import cn.rtms.assessment.AssessmentReport;
import cn.rtms.assessment.AssessmentRequest;
import cn.rtms.assessment.AssessmentSummary;
import cn.rtms.assessment.Conclusion;
import cn.rtms.assessment.InvalidAssessment;
import cn.rtms.assessment.SaveAssessment;
import cn.rtms.web.ProblemException.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Capability assessments over HTTP (docs/assessment.md); scope and every rule are checked
 * in {@link AssessmentManagement}.
 */
@RestController
@Tag(name = "能力评估", description = "医疗机构与医师的限制类技术临床应用能力评估：生成、保存（含结论与签字）、查看与打印")
class AssessmentController {

	private final AssessmentManagement assessments;

	private final AssessmentPdf pdf;

	AssessmentController(AssessmentManagement assessments, AssessmentPdf pdf) {
		this.assessments = assessments;
		this.pdf = pdf;
	}

	@PostMapping("/api/assessments/preview")
	@Operation(summary = "生成能力评估（预览，不保存）", description = "按医疗机构或医师、技术和评估期（最长 2 年）计算各评估项的质控指标与病例数据")
	AssessmentReport preview(@RequestBody SubjectRequest body) {
		return this.assessments.preview(subject(body, new ArrayList<>(), true));
	}

	@PostMapping("/api/assessments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "保存能力评估", description = "重新计算并保存评估结果快照、医疗机构结论与签字；保存后不再随病例变化")
	Assessment save(@RequestBody SaveRequest body) {
		List<FieldProblem> errors = new ArrayList<>();
		AssessmentRequest subject = subject(
				body.subject() == null ? new SubjectRequest(null, null, null, null, null) : body.subject(), errors,
				false);
		Conclusion conclusion = null;
		if (body.conclusion() == null) {
			errors.add(new FieldProblem("conclusion", "请选择评估结论"));
		}
		else {
			try {
				conclusion = Conclusion.valueOf(body.conclusion());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldProblem("conclusion", "评估结论只能是合格、基本合格或不合格"));
			}
		}
		if (body.signedOn() == null) {
			errors.add(new FieldProblem("signedOn", "请填写签字日期"));
		}
		if (!errors.isEmpty() || subject == null || conclusion == null || body.signedOn() == null) {
			throw new InvalidAssessment(errors);
		}
		return this.assessments
			.save(new SaveAssessment(subject, conclusion, orEmpty(body.conclusionText()), orEmpty(body.assessor()),
					orEmpty(body.departmentHead()), orEmpty(body.medicalAffairsHead()), body.signedOn()));
	}

	@GetMapping("/api/assessments")
	@Operation(summary = "能力评估列表", description = "医院人员：本机构；医师：本人；卫生健康行政部门：须指定医疗机构或备案（限辖区内）")
	List<AssessmentSummary> list(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable UUID filingId,
			@RequestParam(required = false) @Nullable @Size(max = 10) String technology) {
		return this.assessments.list(institutionId, filingId, technology);
	}

	@GetMapping("/api/assessments/{id}")
	@Operation(summary = "查看已保存的能力评估")
	Assessment get(@PathVariable UUID id) {
		return this.assessments.get(id);
	}

	@GetMapping("/api/assessments/{id}/pdf")
	@Operation(summary = "打印能力评估（PDF）")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		byte[] bytes = this.pdf.pdf(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("能力评估-" + id + ".pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(bytes);
	}

	private static String orEmpty(@Nullable String s) {
		return s == null ? "" : s;
	}

	private static @Nullable AssessmentRequest subject(SubjectRequest body, List<FieldProblem> errors,
			boolean throwNow) {
		if (body.institutionId() == null) {
			errors.add(new FieldProblem("institutionId", "请选择医疗机构"));
		}
		if (body.technology() == null || body.technology().isBlank()) {
			errors.add(new FieldProblem("technology", "请选择限制类技术"));
		}
		else if (body.technology().length() > 10) {
			errors.add(new FieldProblem("technology", "技术代码不能超过 10 个字符"));
		}
		if (body.from() == null) {
			errors.add(new FieldProblem("from", "请填写评估期起始日期"));
		}
		if (body.to() == null) {
			errors.add(new FieldProblem("to", "请填写评估期截止日期"));
		}
		if (!errors.isEmpty()) {
			if (throwNow) {
				throw new InvalidAssessment(errors);
			}
			return null;
		}
		return new AssessmentRequest(body.institutionId(), body.physicianId(), body.technology(), body.from(),
				body.to());
	}

	/**
	 * What to assess.
	 *
	 * @param institutionId the hospital
	 * @param physicianId the physician (an operator at the hospital), null for the
	 * hospital
	 * @param technology technology code
	 * @param from first day of the period
	 * @param to last day of the period
	 */
	record SubjectRequest(@Nullable UUID institutionId, @Nullable UUID physicianId, @Nullable String technology,
			@Nullable LocalDate from, @Nullable LocalDate to) {
	}

	/**
	 * The hospital's conclusion and signature block.
	 *
	 * @param subject what is assessed
	 * @param conclusion QUALIFIED, BASICALLY_QUALIFIED or UNQUALIFIED
	 * @param conclusionText the hospital's reasoning (at most 2000 characters)
	 * @param assessor 评估人
	 * @param departmentHead 科室负责人
	 * @param medicalAffairsHead 医务科负责人
	 * @param signedOn date of the signatures
	 */
	record SaveRequest(@Nullable SubjectRequest subject, @Nullable String conclusion, @Nullable String conclusionText,
			@Nullable String assessor, @Nullable String departmentHead, @Nullable String medicalAffairsHead,
			@Nullable LocalDate signedOn) {
	}

}
