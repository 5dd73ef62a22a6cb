package cn.rtms.bulkload;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A bulk-load upload refused as a whole before any row is read (too large, empty, not an
 * .xlsx workbook, an unsafe archive). Nothing was imported.
 */
public class BulkRefused extends ProblemException {

	BulkRefused(HttpStatus status, String code, String title, String detail) {
		super(status, code, title, detail, List.of());
	}

	static BulkRefused tooLarge(String fileName, long max) {
		return new BulkRefused(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", "文件过大",
				"文件“" + fileName + "”超过批量导入的上限 " + (max / 1048576) + " MB；请拆分后导入，本次未导入任何数据");
	}

	static BulkRefused notWorkbook(String fileName, String why) {
		return new BulkRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_FILE_TYPE", "文件类型不支持",
				"文件“" + fileName + "”" + why + "；批量导入只接受按模板填写的 .xlsx 工作簿，本次未导入任何数据");
	}

	static BulkRefused unreadable(String fileName) {
		return new BulkRefused(HttpStatus.BAD_REQUEST, "UNREADABLE_FILE", "文件无法读取",
				"文件“" + fileName + "”无法读取；本次未导入任何数据");
	}

}
