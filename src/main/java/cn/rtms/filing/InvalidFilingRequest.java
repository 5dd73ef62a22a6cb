package cn.rtms.filing;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A field of a filing request is missing or invalid. 400. */
public class InvalidFilingRequest extends ProblemException {

	/**
	 * @param detail Chinese explanation naming what was refused
	 */
	public InvalidFilingRequest(String detail) {
		super(HttpStatus.BAD_REQUEST, "INVALID_FILING_REQUEST", "备案请求无效", detail, List.of());
	}

}
