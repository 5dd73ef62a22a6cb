package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The technology has no spec edition in force for the date and region (规范未录入). 422
 * {@code NO_SPEC_IN_FORCE}.
 */
public class NoSpecInForce extends ProblemException {

	/**
	 * @param technology technology code
	 * @param date evaluation date
	 */
	public NoSpecInForce(String technology, LocalDate date) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "NO_SPEC_IN_FORCE", "规范未录入",
				"技术 " + technology + " 在 " + date + " 没有适用的管理规范（规范未录入或尚未生效），无法评估", List.of());
	}

}
