package cn.rtms.cases.imports;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A case import refused as a whole before any row is read (too large, not a workbook, a
 * zip bomb, wrong sheet, wrong template) or a job that does not exist. Nothing was
 * imported.
 */
public class ImportRefused extends ProblemException {

	ImportRefused(HttpStatus status, String code, String title, String detail) {
		super(status, code, title, detail, List.of());
	}

	static ImportRefused tooLarge(String fileName, long size, long max) {
		return new ImportRefused(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", "文件过大", "文件 “" + fileName + "” 大小 "
				+ megabytes(size) + "，超过病例导入的上限 " + megabytes(max) + "；请拆分为多个文件后导入，本次未导入任何病例");
	}

	static ImportRefused empty(String fileName) {
		return new ImportRefused(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "文件为空", "文件 “" + fileName + "” 为空；本次未导入任何病例");
	}

	static ImportRefused unsupported(String fileName, String why) {
		return new ImportRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_FILE_TYPE", "文件类型不支持",
				"文件 “" + fileName + "” " + why + "；病例导入只接受 .xlsx 工作簿或 UTF-8 / GBK 编码的 CSV 文件，本次未导入任何病例");
	}

	static ImportRefused unsafe(String fileName, String why) {
		return new ImportRefused(HttpStatus.BAD_REQUEST, "UNSAFE_ARCHIVE", "压缩文件超出安全限制",
				"文件 “" + fileName + "” " + why + "，已拒绝；本次未导入任何病例");
	}

	static ImportRefused unreadable(String fileName, String why) {
		return new ImportRefused(HttpStatus.BAD_REQUEST, "UNREADABLE_FILE", "文件无法读取",
				"文件 “" + fileName + "” 无法读取：" + why + "；本次未导入任何病例");
	}

	static ImportRefused wrongSheet(String fileName, List<String> sheets) {
		return new ImportRefused(HttpStatus.UNPROCESSABLE_CONTENT, "WRONG_SHEET", "找不到病例工作表",
				"文件 “" + fileName + "” 中没有名为 “" + ImportLayout.SHEET + "” 的工作表（现有工作表："
						+ String.join("、", sheets.stream().map(Cells::shorten).toList()) + "）；请使用下载的模板，病例填在 “"
						+ ImportLayout.SHEET + "” 工作表中。本次未导入任何病例");
	}

	static ImportRefused wrongTemplate(String detail) {
		return new ImportRefused(HttpStatus.UNPROCESSABLE_CONTENT, "WRONG_TEMPLATE", "模板不符", detail + "。本次未导入任何病例");
	}

	static ImportRefused noRows(String fileName) {
		return new ImportRefused(HttpStatus.UNPROCESSABLE_CONTENT, "NO_ROWS", "没有病例行",
				"文件 “" + fileName + "” 的 “" + ImportLayout.SHEET + "” 工作表没有表头或没有病例行；本次未导入任何病例");
	}

	static ImportRefused busy(int running) {
		return new ImportRefused(HttpStatus.TOO_MANY_REQUESTS, "IMPORT_BUSY", "导入任务过多",
				"当前已有 " + running + " 个病例导入任务在排队或进行中，请稍后再试；本次未导入任何病例");
	}

	static ImportRefused notFound(String id) {
		return new ImportRefused(HttpStatus.NOT_FOUND, "IMPORT_NOT_FOUND", "导入任务不存在", "导入任务 " + id + " 不存在或不属于本机构");
	}

	static ImportRefused noCopy(String id) {
		return new ImportRefused(HttpStatus.CONFLICT, "NO_ANNOTATED_COPY", "没有批注文件",
				"导入任务 " + id + " 没有可下载的批注文件（没有错误，或原文件已清理）");
	}

	static String megabytes(long bytes) {
		return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
	}

}
