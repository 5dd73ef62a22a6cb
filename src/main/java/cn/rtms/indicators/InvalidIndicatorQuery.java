package cn.rtms.indicators;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.rtms.web.ProblemException;

/** A query parameter out of bounds: 400 {@code INVALID_INDICATOR_QUERY}. */
public class InvalidIndicatorQuery extends ProblemException {

	/**
	 * @param field the parameter
	 * @param detail what is wrong, in Chinese
	 */
	public InvalidIndicatorQuery(String field, String detail) {
		super(HttpStatus.BAD_REQUEST, "INVALID_INDICATOR_QUERY", "指标查询参数无效", detail,
				List.of(new ProblemException.FieldProblem(field, detail)));
	}

}
