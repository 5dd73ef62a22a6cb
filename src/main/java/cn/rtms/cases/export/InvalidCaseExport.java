package cn.rtms.cases.export;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The export's parameters are missing or wrong (institution, period, format); every
 * problem is named. 400 {@code INVALID_CASE_EXPORT}.
 */
public class InvalidCaseExport extends ProblemException {

	/**
	 * @param errors the problems, at least one
	 */
	public InvalidCaseExport(List<FieldProblem> errors) {
		super(HttpStatus.BAD_REQUEST, "INVALID_CASE_EXPORT", "导出参数不正确",
				"导出参数不正确：" + String.join("；", errors.stream().map(e -> e.field() + "：" + e.message()).toList()),
				errors);
	}

}
