package cn.rtms.filing;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The filing changed since the caller read it (optimistic lock). 409; nothing was
 * changed.
 */
public class FilingConcurrentlyModified extends ProblemException {

	/**
	 * @param detail Chinese explanation naming what was refused
	 */
	public FilingConcurrentlyModified(String detail) {
		super(HttpStatus.CONFLICT, "FILING_CONCURRENTLY_MODIFIED", "备案已被他人修改", detail, List.of());
	}

}
