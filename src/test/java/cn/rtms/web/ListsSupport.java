package cn.rtms.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import cn.rtms.support.Api;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers of the list ITs: reading every page's values and downloading an export. */
public final class ListsSupport {

	private ListsSupport() {
	}

	/**
	 * @param page a ListPage response
	 * @param field a field of its items
	 * @return that field of every item, as text
	 */
	public static List<String> values(JsonNode page, String field) {
		List<String> values = new ArrayList<>();
		for (JsonNode item : page.get("items")) {
			JsonNode value = item.get(field);
			values.add(value == null || value.isNull() ? null : value.asString());
		}
		return values;
	}

	/**
	 * @param port server port
	 * @param api logged-in client
	 * @param path export path with query
	 * @return status and the sheet's rows (first row the header), empty rows when not 200
	 */
	public static Export export(int port, Api api, String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Cookie", "JSESSIONID=" + api.cookie("JSESSIONID"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		List<List<String>> rows = new ArrayList<>();
		if (response.statusCode() == 200) {
			assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
			DataFormatter format = new DataFormatter();
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
				Sheet sheet = workbook.getSheetAt(0);
				for (Row row : sheet) {
					List<String> cells = new ArrayList<>();
					for (int i = 0; i < row.getLastCellNum(); i++) {
						Cell cell = row.getCell(i);
						cells.add(cell == null ? "" : format.formatCellValue(cell));
					}
					rows.add(cells);
				}
			}
		}
		return new Export(response.statusCode(), rows,
				new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
	}

	/**
	 * A downloaded export.
	 *
	 * @param status HTTP status
	 * @param rows header then data rows
	 * @param text the body as text (for problem details)
	 */
	public record Export(int status, List<List<String>> rows, String text) {

		/**
		 * @param header a header
		 * @return that column's data values
		 */
		public List<String> column(String header) {
			int index = this.rows.get(0).indexOf(header);
			assertThat(index).as(header + " in " + this.rows.get(0)).isNotNegative();
			return this.rows.stream().skip(1).map(r -> index < r.size() ? r.get(index) : "").toList();
		}

	}

}
