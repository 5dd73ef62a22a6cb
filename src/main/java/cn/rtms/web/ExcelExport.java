package cn.rtms.web;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import cn.idev.excel.FastExcel;
import cn.idev.excel.util.FileUtils;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes a list as one .xlsx sheet with Chinese headers (FastExcel), the way every list
 * export does: the rows the list's current filters show in the caller's scope, at most
 * {@value #MAX_ROWS} rows (more is refused with 400 {@code EXPORT_TOO_LARGE} before any
 * work, asking to narrow the filter). FastExcel's temp paths are process-wide, so one
 * workbook is written at a time, each in its own temp directory removed afterwards.
 */
public final class ExcelExport {

	/** Most rows one export may hold. */
	public static final int MAX_ROWS = 5000;

	/** The .xlsx media type. */
	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final ReentrantLock LOCK = new ReentrantLock();

	private ExcelExport() {
	}

	/**
	 * @param rows how many rows the export would hold
	 * @throws ProblemException 400 {@code EXPORT_TOO_LARGE} above {@value #MAX_ROWS}
	 */
	public static void requireWithinLimit(long rows) {
		requireWithinLimit(rows, "如日期区间、地区");
	}

	/**
	 * @param rows how many rows the export would hold
	 * @param narrowing how this list can be narrowed, for the message (如…)
	 * @throws ProblemException 400 {@code EXPORT_TOO_LARGE} above {@value #MAX_ROWS}
	 */
	public static void requireWithinLimit(long rows, String narrowing) {
		if (rows > MAX_ROWS) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "EXPORT_TOO_LARGE", "导出行数过多",
					"当前筛选条件下共 " + rows + " 行，超过单次导出上限 " + MAX_ROWS + " 行，请缩小筛选范围（" + narrowing + "）后再导出", List.of());
		}
	}

	/**
	 * @param sheet sheet name
	 * @param headers Chinese column headers
	 * @param rows the rows, one value per header
	 * @return the workbook
	 * @throws ProblemException 400 {@code EXPORT_TOO_LARGE} above {@value #MAX_ROWS} rows
	 */
	public static byte[] write(String sheet, List<String> headers, List<List<Object>> rows) {
		requireWithinLimit(rows.size());
		List<List<String>> head = headers.stream().map(List::of).toList();
		LOCK.lock();
		Path work = null;
		try {
			work = Files.createTempDirectory("rtms-excel-");
			FileUtils.setPoiFilesPath(work.resolve("poifiles").toString() + File.separator);
			FileUtils.setCachePath(work.resolve("excache").toString() + File.separator);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			FastExcel.write(out).head(head).sheet(sheet).doWrite(rows);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("生成 Excel 失败：" + ex.getMessage(), ex);
		}
		finally {
			if (work != null) {
				deleteTree(work);
			}
			deleteIfEmpty(Path.of(System.getProperty("java.io.tmpdir"), "poifiles"));
			LOCK.unlock();
		}
	}

	/**
	 * @param xlsx the workbook
	 * @param fileName the download's file name (Chinese allowed)
	 * @return the download response
	 */
	public static ResponseEntity<byte[]> download(byte[] xlsx, String fileName) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(xlsx);
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: the directory is under the system temp dir
		}
	}

	private static void deleteIfEmpty(Path directory) {
		try {
			Files.deleteIfExists(directory);
		}
		catch (IOException ex) {
			// not empty (another POI user) or already gone: leave it
		}
	}

}
