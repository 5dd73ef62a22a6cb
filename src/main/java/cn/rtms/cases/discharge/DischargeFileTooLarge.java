package cn.rtms.cases.discharge;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A discharge-record file above {@code rtms.discharge.max-upload-size} bytes or
 * {@code rtms.discharge.max-rows} rows: 413 {@code FILE_TOO_LARGE}.
 */
public class DischargeFileTooLarge extends ProblemException {

	/**
	 * @param detail Chinese explanation naming the file and the limit
	 */
	public DischargeFileTooLarge(String detail) {
		super(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", "文件过大", detail, List.of());
	}

}
