package cn.rtms.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestInputModuleTests {

	private final JsonMapper json = JsonMapper.builder().addModule(new RequestInputModule()).build();

	@Test
	void readsOrdinaryChineseTextAndDates() {
		Body body = read("""
				{"name": "长春市中心医院", "note": "第一行\\n第二行", "tags": ["肿瘤科"], "on": "2024-02-29",
				 "firstCases": {"G08": "2015-06-01"}}""");
		assertThat(body.name()).isEqualTo("长春市中心医院");
		assertThat(body.on()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(body.firstCases()).containsEntry("G08", LocalDate.of(2015, 6, 1));
	}

	@Test
	void theFieldsOwnSizeBoundsItsText() {
		assertRefused("{\"name\": \"一二三四五六七八九十一\"}", "name", "超过上限 10 个字符");
		assertThat(read("{\"name\": \"一二三四五六七八九十\"}").name()).hasSize(10);
	}

	@Test
	void textWithoutASizeIsBoundedByTheDefault() {
		assertRefused("{\"note\": \"" + "字".repeat(InputRules.DEFAULT_MAX_LENGTH + 1) + "\"}", "note",
				"超过上限 " + InputRules.DEFAULT_MAX_LENGTH);
		assertRefused("{\"tags\": [\"ok\", \"" + "字".repeat(InputRules.DEFAULT_MAX_LENGTH + 1) + "\"]}", "tags[1]",
				"超过上限");
	}

	@Test
	void refusesNulBidiAndInvisibleTextNamingTheField() {
		assertRefused("{\"name\": \"医院\\u0000\"}", "name", "控制字符");
		assertRefused("{\"tags\": [\"a\\u202Eb\"]}", "tags[0]", "双向文本");
		assertRefused("{\"name\": \"\\u200B\\u200B\"}", "name", "不可见");
		assertRefused("{\"firstCases\": {\"G\\u000008\": \"2015-06-01\"}}", "firstCases", "控制字符");
	}

	@Test
	void refusesDatesOutside1900To2100() {
		assertRefused("{\"on\": \"-5000-01-01\"}", "on", "超出允许范围");
		assertRefused("{\"on\": \"0000-01-01\"}", "on", "超出允许范围");
		assertRefused("{\"on\": \"+10000-01-01\"}", "on", "超出允许范围");
		assertRefused("{\"firstCases\": {\"G08\": \"1899-12-31\"}}", "firstCases.G08", "超出允许范围");
	}

	@Test
	void malformedDatesAndWrongTypesAreMalformedInput() {
		assertThatThrownBy(() -> read("{\"on\": \"2015-13-45\"}")).isInstanceOf(InvalidFormatException.class);
		assertThatThrownBy(() -> read("{\"on\": 20150101}")).isInstanceOf(MismatchedInputException.class)
			.isNotInstanceOf(RequestInputModule.RefusedInput.class);
		assertThatThrownBy(() -> read("{\"name\": 12345}")).isInstanceOf(MismatchedInputException.class)
			.isNotInstanceOf(RequestInputModule.RefusedInput.class);
		assertThat(read("{\"on\": \"\"}").on()).isNull();
	}

	private Body read(String text) {
		return this.json.readValue(text, Body.class);
	}

	private void assertRefused(String text, String path, String reason) {
		assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(RequestInputModule.RefusedInput.class, (ex) -> {
			assertThat(ex.reason()).contains(reason);
			assertThat(path(ex)).isEqualTo(path);
		});
	}

	private static String path(DatabindException ex) {
		return ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b);
	}

	record Body(@Nullable @Size(max = 10) String name, @Nullable String note, @Nullable List<String> tags,
			@Nullable LocalDate on, @Nullable Map<String, LocalDate> firstCases) {
	}

}
