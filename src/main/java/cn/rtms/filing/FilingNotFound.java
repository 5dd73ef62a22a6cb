package cn.rtms.filing;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** No filing or filing document with that id. 404 {@code FILING_NOT_FOUND}. */
public class FilingNotFound extends ProblemException {

	/**
	 * @param detail Chinese explanation naming what was refused
	 */
	public FilingNotFound(String detail) {
		super(HttpStatus.NOT_FOUND, "FILING_NOT_FOUND", "备案不存在", detail, List.of());
	}

}
