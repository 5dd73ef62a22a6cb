package cn.rtms.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTests {

	private final ProblemHandler handler = new ProblemHandler();

	@Test
	void oversizedUploadIsAChineseProblemWithAStableCode() {
		ResponseEntity<Object> response = this.handler.handleMaxUploadSizeExceededException(
				new MaxUploadSizeExceededException(100L * 1024 * 1024), new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE,
				new ServletWebRequest(new MockHttpServletRequest()));
		assertThat(response).isNotNull();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		ProblemDetail body = (ProblemDetail) response.getBody();
		assertThat(body).isNotNull();
		assertThat(body.getProperties()).containsEntry("code", "FILE_TOO_LARGE");
		assertThat(body.getDetail()).contains("上限 100 MB");
	}

	@Test
	void unexpectedErrorsDoNotLeakInternals() {
		ResponseEntity<Object> response = this.handler
			.unexpected(new IllegalStateException("jdbc:postgresql://secret"));
		ProblemDetail body = (ProblemDetail) response.getBody();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(body.getDetail()).doesNotContain("jdbc").contains("服务器内部错误");
		assertThat(body.getProperties()).containsEntry("code", "INTERNAL_ERROR");
	}

	@Test
	void badEnumValueListsTheAllowedValuesInChinese() {
		Exception cause = null;
		try {
			tools.jackson.databind.json.JsonMapper.builder().build().readValue("{\"level\": \"HOSPITAL\"}", Body.class);
		}
		catch (RuntimeException ex) {
			cause = ex;
		}
		assertThat(cause).isInstanceOf(tools.jackson.databind.exc.InvalidFormatException.class);
		ResponseEntity<Object> response = this.handler.handleHttpMessageNotReadable(
				new org.springframework.http.converter.HttpMessageNotReadableException("bad", cause,
						new org.springframework.mock.http.MockHttpInputMessage(new byte[0])),
				new HttpHeaders(), HttpStatus.BAD_REQUEST, new ServletWebRequest(new MockHttpServletRequest()));
		ProblemDetail body = (ProblemDetail) response.getBody();
		assertThat(body.getDetail()).contains("level", "HOSPITAL", "可选值：TERTIARY（三级）、SECONDARY（二级）");
	}

	@Test
	void enumWithoutLabelsListsTheCodes() {
		assertThat(ProblemHandler.allowedValues(java.time.DayOfWeek.class)).startsWith("MONDAY、TUESDAY");
	}

	/** An enum with Chinese labels, like the facts' enums. */
	public enum Level {

		TERTIARY("三级"), SECONDARY("二级");

		private final String label;

		Level(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	record Body(Level level) {
	}

}
