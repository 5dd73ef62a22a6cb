package cn.rtms.filing;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** An upload exceeds the configured size limit. 413. */
public class FileTooLarge extends ProblemException {

	/**
	 * @param detail Chinese explanation naming what was refused
	 */
	public FileTooLarge(String detail) {
		super(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", "文件过大", detail, List.of());
	}

}
