package cn.rtms.filing;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** An upload is not a PDF, JPEG, PNG, DOCX or XLSX by its content. 415. */
public class UnsupportedFileType extends ProblemException {

	/**
	 * @param detail Chinese explanation naming what was refused
	 */
	public UnsupportedFileType(String detail) {
		super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_FILE_TYPE", "文件类型不支持", detail, List.of());
	}

}
