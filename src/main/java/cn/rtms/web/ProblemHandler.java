package cn.rtms.web;

import java.net.URI;
import java.util.List;

import cn.rtms.web.ProblemException.FieldProblem;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure to an RFC 9457 problem with a Chinese detail and a stable
 * {@code code}: validation errors name each field, unreadable bodies name the JSON path,
 * and unexpected errors never leak internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new FieldProblem(e.getField(), e.getDefaultMessage() == null ? "取值无效" : e.getDefaultMessage()))
			.toList();
		return problem(new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求数据校验失败",
				"请求数据校验失败：" + String.join("；", errors.stream().map(e -> e.field() + "：" + e.message()).toList()),
				errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldProblem(
						result.getMethodParameter().getParameterName() == null ? "参数"
								: result.getMethodParameter().getParameterName(),
						error.getDefaultMessage() == null ? "取值无效" : error.getDefaultMessage())))
			.toList();
		String detail = errors.isEmpty() ? "请求参数校验失败"
				: "请求参数校验失败：" + String.join("；", errors.stream().map(e -> e.field() + "：" + e.message()).toList());
		return problem(new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求参数校验失败", detail, errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestInputConfiguration.BodyTooLarge tooLarge) {
				return problem(RequestInputConfiguration.tooLarge(tooLarge.maxBytes()));
			}
		}
		String detail = "请求体不是有效的 JSON";
		String field = "";
		Throwable cause = ex.getCause();
		if (cause instanceof DatabindException databind) {
			field = databind.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b);
			if (cause instanceof RequestInputModule.RefusedInput refused) {
				String name = field.isEmpty() ? "请求体" : field;
				return problem(InputRules.invalid(name, refused.reason()));
			}
			if (cause instanceof UnrecognizedPropertyException unknown) {
				detail = "未知字段 “" + field + "”（字段 " + unknown.getPropertyName() + " 不在接口定义中，请检查拼写）";
			}
			else if (cause instanceof InvalidFormatException format) {
				detail = (format.getTargetType() != null && format.getTargetType().isEnum())
						? "字段 " + field + " 的取值 “" + printable(String.valueOf(format.getValue())) + "” 无效，可选值："
								+ allowedValues(format.getTargetType())
						: "字段 " + field + " 的取值 “" + printable(String.valueOf(format.getValue())) + "” 格式不正确";
			}
			else {
				detail = "字段 " + field + " 无法解析：" + printable(firstLine(databind.getOriginalMessage()));
			}
		}
		return problem(new ProblemException(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "请求格式错误", detail,
				field.isEmpty() ? List.of() : List.of(new FieldProblem(field, detail))));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		long max = ex.getMaxUploadSize();
		String limit = max > 0 ? "（上限 " + (max / (1024 * 1024)) + " MB）" : "";
		return problem(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", "上传文件过大",
				"上传的文件或请求体超过允许的大小" + limit + "，未保存任何内容", List.of()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String problem = (type != null && type.isEnum()) ? "无效，可选值：" + allowedValues(type)
				: (ex.getMostSpecificCause() instanceof RequestInputConfiguration.DateOutOfRange range)
						? range.getMessage() : "格式不正确";
		return problem(new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "请求参数格式错误",
				"参数 " + ex.getName() + " 的取值 “" + printable(String.valueOf(ex.getValue())) + "” " + problem,
				List.of(new FieldProblem(ex.getName(), problem))));
	}

	/**
	 * Spring MVC's own refusals (unknown path, wrong method, media types, missing
	 * parameters…) come with English texts and no code: they are replaced by the Chinese
	 * problem of their status with a stable code, keeping headers such as {@code Allow}.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		Object translated = (body == null && ex instanceof ErrorResponse response) ? response.getBody() : body;
		if (translated instanceof ProblemDetail detail
				&& (detail.getProperties() == null || !detail.getProperties().containsKey("code"))) {
			translated = translate(ex, statusCode.value());
		}
		return super.handleExceptionInternal(ex, translated, headers, statusCode, request);
	}

	private static ProblemDetail translate(Exception ex, int status) {
		if (ex instanceof MissingServletRequestParameterException missing) {
			return withField(
					StatusProblems.problem(400, "MISSING_PARAMETER", "缺少请求参数", "缺少必需的参数 " + missing.getParameterName()),
					missing.getParameterName(), "不能为空");
		}
		if (ex instanceof MissingServletRequestPartException missing) {
			return withField(StatusProblems.problem(400, "MISSING_PARAMETER", "缺少请求参数",
					"缺少必需的部分 " + missing.getRequestPartName()), missing.getRequestPartName(), "不能为空");
		}
		if (ex instanceof MissingPathVariableException) {
			return StatusProblems.problem(status);
		}
		if (ex instanceof TypeMismatchException mismatch) {
			String name = (mismatch.getPropertyName() != null) ? mismatch.getPropertyName() : "参数";
			return withField(StatusProblems.problem(400, "INVALID_PARAMETER", "请求参数格式错误", "参数 " + name + " 格式不正确"),
					name, "格式不正确");
		}
		if (ex instanceof MultipartException) {
			return StatusProblems.problem(400, "MALFORMED_REQUEST", "请求格式错误", "multipart 请求体格式不正确，未保存任何内容");
		}
		return StatusProblems.problem(status);
	}

	private static ProblemDetail withField(ProblemDetail problem, String field, String message) {
		problem.setProperty("errors", List.of(new FieldProblem(field, message)));
		return problem;
	}

	private static String printable(String value) {
		String shown = value.codePoints()
			.map(c -> (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
					|| (c >= 0x2066 && c <= 0x2069)) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (shown.length() > 200) ? shown.substring(0, 200) + "…" : shown;
	}

	/**
	 * A multipart body the container cannot parse; a file name with a NUL or other
	 * control character is refused by Tomcat itself while parsing.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> multipart(MultipartException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidFileNameException) {
				return problem(InputRules.invalid("filename", "文件名含有不允许的控制字符"));
			}
		}
		return problem(new ProblemException(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "请求格式错误",
				"multipart 请求体格式不正确，未保存任何内容", List.of()));
	}

	/**
	 * The constants of an enum as "CODE（中文）", joined by "、"; the Chinese label is the
	 * constant's {@code label()} when the enum has one.
	 * @param type an enum type
	 * @return e.g. "TERTIARY_A（三级甲等）、TERTIARY_B（三级乙等）"
	 */
	static String allowedValues(Class<?> type) {
		List<String> values = new java.util.ArrayList<>();
		for (Object constant : type.getEnumConstants()) {
			String name = ((Enum<?>) constant).name();
			String label = null;
			try {
				Object value = type.getMethod("label").invoke(constant);
				label = (value instanceof String text) ? text : null;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				label = null;
			}
			values.add((label != null) ? name + "（" + label + "）" : name);
		}
		return String.join("、", values);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		if (ex instanceof ErrorResponse response) {
			ProblemDetail body = response.getBody();
			if (body.getProperties() == null || !body.getProperties().containsKey("code")) {
				body = translate(ex, response.getStatusCode().value());
			}
			return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(body);
		}
		log.error("未处理的异常", ex);
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请联系系统管理员");
		body.setTitle("服务器内部错误");
		body.setType(URI.create("urn:rtms:problem:internal-error"));
		body.setProperty("code", "INTERNAL_ERROR");
		return ResponseEntity.internalServerError().body(body);
	}

	private static ResponseEntity<Object> problem(ProblemException ex) {
		return ResponseEntity.status(ex.getStatusCode()).body(ex.getBody());
	}

	private static ResponseEntity<Object> problem(ProblemDetail body) {
		return ResponseEntity.status(body.getStatus()).body(body);
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "格式不正确";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

}
