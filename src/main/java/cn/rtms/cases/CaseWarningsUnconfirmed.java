package cn.rtms.cases;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Plausibility warnings the clerk has not confirmed: 422
 * {@code CASE_WARNINGS_UNCONFIRMED} with the {@code warnings}; submit again with their
 * codes in {@code confirmedWarnings}.
 */
public class CaseWarningsUnconfirmed extends ProblemException {

	CaseWarningsUnconfirmed(List<CaseProblem> warnings) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "CASE_WARNINGS_UNCONFIRMED", "请确认提示事项",
				"提交前请确认以下提示：" + String.join("；", warnings.stream().map(CaseProblem::message).toList()), List.of());
		getBody().setProperty("warnings", warnings);
	}

}
