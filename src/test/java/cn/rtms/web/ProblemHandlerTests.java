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

}
