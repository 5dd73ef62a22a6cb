package cn.rtms.filing;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The action is not allowed in the filing's current state; the detail names both states.
 * 409.
 */
public class IllegalFilingTransition extends ProblemException {

	/**
	 * @param detail Chinese explanation naming what was refused
	 */
	public IllegalFilingTransition(String detail) {
		super(HttpStatus.CONFLICT, "ILLEGAL_FILING_TRANSITION", "备案状态不允许该操作", detail, List.of());
	}

}
