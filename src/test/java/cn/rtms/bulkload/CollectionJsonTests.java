package cn.rtms.bulkload;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.rtms.bulkload.BulkLayouts.CellType;
import cn.rtms.bulkload.BulkLayouts.Column;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collection sheet's row becomes its item's JSON object in Java while streaming; the
 * text must be what {@code jsonb_build_object} over the typed values gave before (so that
 * a re-import of unchanged data is recognised as unchanged). BulkLoadIT compares both in
 * PostgreSQL.
 */
class CollectionJsonTests {

	static Column column(String field, CellType type) {
		return new Column(field, field, type, false, 0, 0, Map.of(), "");
	}

	@Test
	void eachValueKeepsItsJsonType() {
		List<Column> columns = List.of(column("key", CellType.LICENCE), column("technology", CellType.TEXT),
				column("startedOn", CellType.DATE), column("cases", CellType.INT), column("passed", CellType.BOOL),
				column("scopes", CellType.LIST), column("base", CellType.TEXT));
		Object[] values = { "110220104000031", "G08", LocalDate.of(2020, 3, 15), 12, Boolean.TRUE, "[\"外科\",\"内科\"]",
				null };
		assertThat(BulkImport.Copy.json(columns, values)).isEqualTo(
				"{\"technology\":\"G08\",\"startedOn\":\"2020-03-15\",\"cases\":12,\"passed\":true,\"scopes\":[\"外科\",\"内科\"],\"base\":null}");
	}

	@Test
	void quotesBackslashesAndControlCharactersAreEscaped() {
		List<Column> columns = List.of(column("key", CellType.LICENCE), column("base", CellType.TEXT));
		assertThat(BulkImport.Copy.json(columns, new Object[] { "k", "吉林\"大学\"\\一院\t北\n" }))
			.isEqualTo("{\"base\":\"吉林\\\"大学\\\"\\\\一院\\u0009北\\u000a\"}");
	}

	@Test
	void aListCellSplitsAtLineBreaksAndItsItemsAreValidJson() {
		Cells cells = new Cells(null, LocalDate.of(2026, 11, 22));
		Column scopes = column("scopes", CellType.LIST);
		// Alt+Enter in Excel: one item per line, as with 、 or ；.
		assertThat(cells.parse(scopes, XlsxReader.Cell.string("外科专业\r\n内科专业\n\n眼耳鼻咽喉科专业")).value())
			.isEqualTo("[\"外科专业\",\"内科专业\",\"眼耳鼻咽喉科专业\"]");
		assertThat(cells.parse(scopes, XlsxReader.Cell.string("外\t科\"专业\"\\")).value())
			.isEqualTo("[\"外\\u0009科\\\"专业\\\"\\\\\"]");
	}

}
