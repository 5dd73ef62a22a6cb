package cn.rtms.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseForm;
import cn.rtms.cases.CaseForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case-form definitions the UI form and the Excel template are generated from. */
@RestController
@Tag(name = "病例登记", description = "限制类技术病例登记：草稿、提交（校验与标记）、修订、查询")
class CaseFormController {

	private final CaseForms forms;

	private final Clock clock;

	CaseFormController(CaseForms forms, Clock clock) {
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping("/api/case-forms")
	@Operation(summary = "全部病例表单定义（每个技术的每个规范版本一个）")
	List<CaseForm> all() {
		return this.forms.all();
	}

	@GetMapping("/api/case-forms/{technology}")
	@Operation(summary = "某技术在某日适用的病例表单：公共字段 + 技术字段，以及子技术、途径与规范编码表")
	FormResponse forTechnology(@PathVariable String technology,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
		LocalDate day = (date != null) ? date : LocalDate.now(this.clock);
		CaseForm form = this.forms.forTechnology(technology, day);
		List<CaseField> common = this.forms.commonFields(technology, day);
		return new FormResponse(form, common, options(common, "subTechnique"), options(common, "route"),
				this.forms.procedureCodes(technology, day));
	}

	private static List<CaseField.Option> options(List<CaseField> common, String key) {
		return common.stream().filter(f -> f.key().equals(key)).findFirst().map(CaseField::options).orElse(List.of());
	}

	/**
	 * A technology's form as of a day.
	 *
	 * @param form the technology fields and follow-up points
	 * @param commonFields the fields every case has
	 * @param subTechniques sub-techniques of the spec in force
	 * @param routes routes of the spec in force
	 * @param procedureCodes the spec's procedure code list (empty when it has none)
	 */
	record FormResponse(CaseForm form, List<CaseField> commonFields, List<CaseField.Option> subTechniques,
			List<CaseField.Option> routes, List<CaseForms.CodeName> procedureCodes) {
	}

}
