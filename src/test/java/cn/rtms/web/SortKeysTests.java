package cn.rtms.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortKeysTests {

	record Row(String name, Integer beds) {
	}

	static final SortKeys<Row> KEYS = SortKeys.<Row>builder()
		.text("name", Row::name)
		.natural("beds", Row::beds)
		.defaultSort("beds,desc");

	static final List<Row> ROWS = List.of(new Row("长春", 10), new Row("白城", null), new Row("安图", 30), new Row("吉林", 20));

	@Test
	void sortsTextInPinyinOrderAndCutsThePage() {
		ListPage<Row> page = KEYS.page(ROWS, new ListQuery(0, 3, "name"));
		assertThat(page.items()).extracting(Row::name).containsExactly("安图", "白城", "长春");
		assertThat(page.total()).isEqualTo(4);
		assertThat(page.sort()).isEqualTo("name,asc");
		ListPage<Row> last = KEYS.page(ROWS, new ListQuery(1, 3, "name,asc"));
		assertThat(last.items()).extracting(Row::name).containsExactly("吉林");
		assertThat(KEYS.page(ROWS, new ListQuery(5, 3, "name")).items()).isEmpty();
	}

	@Test
	void defaultSortAndNullsLastWhenAscending() {
		assertThat(KEYS.page(ROWS, new ListQuery(0, 10, null)).items()).extracting(Row::name)
			.containsExactly("白城", "安图", "吉林", "长春");
		assertThat(KEYS.sort(ROWS, "beds")).extracting(Row::name).containsExactly("长春", "吉林", "安图", "白城");
	}

	@Test
	void refusesKeysAndDirectionsNotOffered() {
		for (String sort : List.of("password", "name,up", "name,asc,extra", "Name", "beds;drop")) {
			assertThatThrownBy(() -> KEYS.parse(sort)).as(sort).isInstanceOfSatisfying(ProblemException.class, ex -> {
				assertThat(ex.code()).isEqualTo("UNKNOWN_SORT_KEY");
				assertThat(ex.getStatusCode().value()).isEqualTo(400);
				assertThat(ex.getBody().getDetail()).contains("不支持按").contains("name、beds");
			});
		}
	}

	@Test
	void boundsPageAndSize() {
		ListQuery query = new ListQuery(-2, 100_000, " ");
		assertThat(query.page()).isZero();
		assertThat(query.size()).isEqualTo(ListQuery.MAX_SIZE);
		assertThat(query.sort()).isNull();
		assertThat(new ListQuery(0, 0, null).size()).isEqualTo(ListQuery.DEFAULT_SIZE);
	}

	@Test
	void refusesAnExportAboveTheLimitInChinese() {
		ExcelExport.requireWithinLimit(ExcelExport.MAX_ROWS);
		assertThatThrownBy(() -> ExcelExport.requireWithinLimit(ExcelExport.MAX_ROWS + 1))
			.isInstanceOfSatisfying(ProblemException.class, ex -> {
				assertThat(ex.code()).isEqualTo("EXPORT_TOO_LARGE");
				assertThat(ex.getBody().getDetail()).contains("超过单次导出上限").contains("缩小筛选范围（如日期区间、地区）");
			});
		assertThatThrownBy(() -> ExcelExport.requireWithinLimit(ExcelExport.MAX_ROWS + 1, "如按病案号检索"))
			.isInstanceOfSatisfying(ProblemException.class,
					ex -> assertThat(ex.getBody().getDetail()).as("a list names the filters it has")
						.contains("共 5001 行")
						.endsWith("请缩小筛选范围（如按病案号检索）后再导出"));
	}

}
