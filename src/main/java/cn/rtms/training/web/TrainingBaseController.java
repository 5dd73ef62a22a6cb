package cn.rtms.training.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.experts.ExpertCandidate;
import cn.rtms.experts.ExpertDrawResult;
import cn.rtms.rules.EligibilityReport;
import io.swagger.v3.oas.annotations.Operation;
import cn.rtms.training.base.PublicTrainingBase;
import cn.rtms.training.base.TrainingBaseManagement;
import cn.rtms.training.base.TrainingBaseSummary;
import cn.rtms.training.base.TrainingBaseView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training bases (培训基地) over HTTP: {@code /api/training-bases…} and the public list
 * {@code GET /api/public/training-bases} (docs/training.md).
 */
@RestController
class TrainingBaseController {

	private final TrainingBaseManagement bases;

	TrainingBaseController(TrainingBaseManagement bases) {
		this.bases = bases;
	}

	/** Starting an application. */
	record CreateRequest(
			@NotBlank(message = "技术代码不能为空") @Size(max = 10, message = "技术代码不能超过 10 个字符") String technology) {
	}

	/** Designating a base directly. */
	record DesignateRequest(@NotNull(message = "医疗机构不能为空") UUID institutionId,
			@NotBlank(message = "技术代码不能为空") @Size(max = 10, message = "技术代码不能超过 10 个字符") String technology,
			@Nullable @Size(max = 50, message = "指导医师不能超过 50 名") List<@NotNull UUID> instructorIds,
			@Nullable @Size(max = 1000, message = "备注不能超过 1000 个字") String note) {
	}

	/** Adding an instructor. */
	record InstructorRequest(@NotNull(message = "人员不能为空") UUID personId, @Nullable LocalDate since,
			@Nullable Long version) {
	}

	/** Ending an instructor's term. */
	record EndInstructorRequest(@Nullable LocalDate until, @Nullable Long version) {
	}

	/** A step with an optional or required text. */
	record NoteRequest(@Nullable @Size(max = 1000, message = "说明不能超过 1000 个字") String note, @Nullable Long version) {
	}

	/** Starting the expert review. */
	record ReviewRequest(@NotNull(message = "评审专家不能为空") @Size(min = 1, max = 9,
			message = "请指派 1 至 9 名评审专家") List<@NotNull UUID> expertIds, @Nullable Long version) {
	}

	/** An expert's opinion. */
	record OpinionRequest(
			@NotBlank(message = "评审建议不能为空") @Pattern(regexp = "FILE|RETURN|REJECT",
					message = "评审建议只能是 FILE、RETURN 或 REJECT") String recommendation,
			@NotBlank(message = "专家意见不能为空") @Size(max = 1000, message = "专家意见不能超过 1000 个字") String opinion,
			@Nullable Long version) {
	}

	@GetMapping("/api/training-bases")
	List<TrainingBaseSummary> list(@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false, defaultValue = "false") boolean proposals) {
		return this.bases.list(technology, status, proposals);
	}

	@GetMapping("/api/public/training-bases")
	List<PublicTrainingBase> publicList(@RequestParam(required = false) @Nullable String technology,
			@RequestParam(required = false) @Nullable String regionCode) {
		return this.bases.publicList(technology, regionCode);
	}

	@GetMapping("/api/training-bases/{id}")
	TrainingBaseView get(@PathVariable UUID id) {
		return this.bases.get(id);
	}

	@GetMapping("/api/training-bases/{id}/verdict")
	EligibilityReport verdict(@PathVariable UUID id) {
		return this.bases.verdict(id);
	}

	@PostMapping("/api/training-bases")
	@ResponseStatus(HttpStatus.CREATED)
	TrainingBaseView create(@Valid @RequestBody CreateRequest request) {
		return this.bases.create(request.technology());
	}

	@PostMapping("/api/training-bases/designations")
	@ResponseStatus(HttpStatus.CREATED)
	TrainingBaseView designate(@Valid @RequestBody DesignateRequest request) {
		return this.bases.designate(request.institutionId(), request.technology(),
				(request.instructorIds() == null) ? List.of() : request.instructorIds(), request.note());
	}

	@PostMapping("/api/training-bases/{id}/instructors")
	TrainingBaseView addInstructor(@PathVariable UUID id, @Valid @RequestBody InstructorRequest request) {
		return this.bases.addInstructor(id, request.version(), request.personId(), request.since());
	}

	@PostMapping("/api/training-bases/{id}/instructors/{personId}/end")
	TrainingBaseView endInstructor(@PathVariable UUID id, @PathVariable UUID personId,
			@Valid @RequestBody EndInstructorRequest request) {
		return this.bases.endInstructor(id, request.version(), personId, request.until());
	}

	@PostMapping("/api/training-bases/{id}/submit")
	TrainingBaseView submit(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
		return this.bases.submit(id, request.version(), request.note());
	}

	@PostMapping("/api/training-bases/{id}/withdraw")
	TrainingBaseView withdraw(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
		return this.bases.withdraw(id, request.version(), request.note());
	}

	@PostMapping("/api/training-bases/{id}/review")
	TrainingBaseView startReview(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
		return this.bases.startReview(id, request.version(), request.expertIds());
	}

	@GetMapping("/api/training-bases/{id}/expert-candidates")
	@Operation(summary = "专家建议：可指派的评审专家（专业匹配优先，须回避者标明原因）")
	List<ExpertCandidate> expertCandidates(@PathVariable UUID id) {
		return this.bases.expertCandidates(id);
	}

	@PostMapping("/api/training-bases/{id}/expert-draw")
	@Operation(summary = "随机抽取评审专家", description = "候选名单、随机种子和结果记入审计日志，可复核")
	ExpertDrawResult expertDraw(@PathVariable UUID id, @RequestBody DrawRequest request) {
		return this.bases.drawExperts(id, request.count() == null ? 0 : request.count());
	}

	record DrawRequest(@Nullable Integer count) {
	}

	@PostMapping("/api/training-bases/{id}/opinion")
	TrainingBaseView opinion(@PathVariable UUID id, @Valid @RequestBody OpinionRequest request) {
		return this.bases.expertOpinion(id, request.version(), request.recommendation(), request.opinion());
	}

	@PostMapping("/api/training-bases/{id}/file")
	TrainingBaseView file(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
		return this.bases.file(id, request.version(), request.note());
	}

	@PostMapping("/api/training-bases/{id}/return")
	TrainingBaseView returnForChanges(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
		return this.bases.returnForChanges(id, request.version(), request.note());
	}

	@PostMapping("/api/training-bases/{id}/reject")
	TrainingBaseView reject(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
		return this.bases.reject(id, request.version(), request.note());
	}

	@PostMapping("/api/training-bases/{id}/revoke")
	TrainingBaseView revoke(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
		return this.bases.revoke(id, request.version(), request.note());
	}

	@PostMapping("/api/training-bases/{id}/dismiss-proposal")
	TrainingBaseView dismissProposal(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
		return this.bases.dismissProposal(id, request.version(), request.note());
	}

}
