package cn.rtms.filing;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The filing lacks what the step needs (attestations, committee opinions, expert
 * opinions). 409.
 */
public class FilingIncomplete extends ProblemException {

	/**
	 * @param detail Chinese explanation naming what was refused
	 */
	public FilingIncomplete(String detail) {
		super(HttpStatus.CONFLICT, "FILING_INCOMPLETE", "备案材料不完整", detail, List.of());
	}

}
