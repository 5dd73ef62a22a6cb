package cn.rtms.authorization;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The requested terms break a rule; every problem is named. 422
 * {@code INVALID_AUTHORIZATION}.
 */
public class InvalidAuthorization extends ProblemException {

	/**
	 * @param errors the problems, at least one
	 */
	public InvalidAuthorization(List<FieldProblem> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_AUTHORIZATION", "授权信息不正确",
				"授权信息不正确：" + String.join("；", errors.stream().map(e -> e.field() + "：" + e.message()).toList()),
				errors);
	}

}
