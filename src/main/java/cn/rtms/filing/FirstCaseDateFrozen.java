package cn.rtms.filing;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A resubmission declares another first case date than the first submission the
 * authorities received: the date the 15 working days run from is final. 409.
 */
public class FirstCaseDateFrozen extends ProblemException {

	/**
	 * @param detail Chinese explanation naming both dates
	 */
	public FirstCaseDateFrozen(String detail) {
		super(HttpStatus.CONFLICT, "FIRST_CASE_DATE_FROZEN", "首例开展日期不能更改", detail, List.of());
	}

}
