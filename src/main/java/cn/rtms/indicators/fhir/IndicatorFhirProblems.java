package cn.rtms.indicators.fhir;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** Problems of the FHIR endpoints, with Chinese details and stable codes. */
public final class IndicatorFhirProblems {

	private IndicatorFhirProblems() {
	}

	/** 400 {@code INVALID_INDICATOR_QUERY}, naming the parameter. */
	public static ProblemException invalid(String field, String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_INDICATOR_QUERY", "指标查询参数无效", detail,
				List.of(new ProblemException.FieldProblem(field, detail)));
	}

	/** 404 {@code INDICATOR_NOT_FOUND}. */
	static ProblemException indicatorNotFound(String set, String code) {
		return new ProblemException(HttpStatus.NOT_FOUND, "INDICATOR_NOT_FOUND", "指标不存在",
				"指标集 " + set + " 中没有指标 " + code, List.of());
	}

	/** 400 {@code INDICATOR_REPORT_TOO_LARGE}: a subject-list over too many cases. */
	static ProblemException tooLarge(long subjects, int max) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "INDICATOR_REPORT_TOO_LARGE", "报告过大",
				"所选范围内有 " + subjects + " 例，逐例名单（subject-list）最多 " + max + " 例，请缩小机构、期间或分组范围，或改用汇总报告（summary）",
				List.of());
	}

}
