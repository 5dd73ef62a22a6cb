package cn.rtms.filing;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** An open or active filing of the same technology exists for the institution. 409. */
public class FilingAlreadyExists extends ProblemException {

	/**
	 * @param detail Chinese explanation naming what was refused
	 */
	public FilingAlreadyExists(String detail) {
		super(HttpStatus.CONFLICT, "FILING_ALREADY_EXISTS", "备案已存在", detail, List.of());
	}

}
