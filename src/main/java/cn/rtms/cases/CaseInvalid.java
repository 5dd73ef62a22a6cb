package cn.rtms.cases;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A case with errors: 422 {@code CASE_INVALID}, with {@code errors: [{field, code,
 * message}]} and the {@code warnings}. Nothing was saved.
 */
public class CaseInvalid extends ProblemException {

	private final CaseCheck check;

	CaseInvalid(CaseCheck check) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "CASE_INVALID", "病例数据有误", detail(check.errors()), List.of());
		this.check = check;
		getBody().setProperty("errors", check.errors());
		getBody().setProperty("warnings", check.warnings());
	}

	/**
	 * @return the check that failed
	 */
	public CaseCheck check() {
		return this.check;
	}

	private static String detail(List<CaseProblem> errors) {
		List<String> parts = errors.stream().limit(10).map(e -> e.field() + "：" + e.message()).toList();
		return "病例有 " + errors.size() + " 处错误，未保存：" + String.join("；", parts) + ((errors.size() > 10) ? "……" : "");
	}

}
