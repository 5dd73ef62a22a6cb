package cn.rtms.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The Chinese title, detail and stable code of an error that has nothing more specific to
 * say than its HTTP status: unknown paths (404 {@code NOT_FOUND}), wrong methods (405
 * {@code METHOD_NOT_ALLOWED}), unacceptable or unsupported media types (406
 * {@code NOT_ACCEPTABLE}, 415 {@code UNSUPPORTED_MEDIA_TYPE}), URLs refused before they
 * reach the application (400 {@code REQUEST_REJECTED}) and so on. Used by
 * {@link ProblemHandler}, the {@code /error} controller and Tomcat's error report valve,
 * so the same status always reads the same.
 */
final class StatusProblems {

	private static final Map<Integer, String[]> KNOWN = Map.ofEntries(
			Map.entry(400, new String[] { "BAD_REQUEST", "请求无效", "请求无效，服务器无法处理" }),
			Map.entry(401, new String[] { "UNAUTHENTICATED", "未登录", "请先登录" }),
			Map.entry(403, new String[] { "FORBIDDEN", "无权访问", "无权访问该资源" }),
			Map.entry(404, new String[] { "NOT_FOUND", "未找到", "请求的接口或资源不存在，请检查地址" }),
			Map.entry(405, new String[] { "METHOD_NOT_ALLOWED", "请求方法不允许", "该接口不支持此请求方法" }),
			Map.entry(406,
					new String[] { "NOT_ACCEPTABLE", "无法提供所需格式", "该接口无法按请求的 Accept 类型返回内容，请接受 application/json" }),
			Map.entry(408, new String[] { "REQUEST_TIMEOUT", "请求超时", "请求超时，请重试" }),
			Map.entry(409, new String[] { "CONFLICT", "数据冲突", "请求与当前数据冲突，请刷新后重试" }),
			Map.entry(413, new String[] { "CONTENT_TOO_LARGE", "请求体过大", "请求体超过允许的大小，未保存任何内容" }),
			Map.entry(414, new String[] { "URI_TOO_LONG", "地址过长", "请求地址过长" }),
			Map.entry(415,
					new String[] { "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型",
							"该接口不接受此 Content-Type 的请求体，请使用 application/json" }),
			Map.entry(429, new String[] { "TOO_MANY_REQUESTS", "请求过于频繁", "请求过于频繁，请稍后再试" }),
			Map.entry(431, new String[] { "HEADERS_TOO_LARGE", "请求头过大", "请求头过大" }),
			Map.entry(500, new String[] { "INTERNAL_ERROR", "服务器内部错误", "服务器内部错误，请联系系统管理员" }),
			Map.entry(503, new String[] { "SERVICE_UNAVAILABLE", "服务暂不可用", "服务暂不可用，请稍后再试" }));

	private StatusProblems() {
	}

	/**
	 * @param status an HTTP status code (4xx or 5xx)
	 * @return the stable code for it, e.g. {@code NOT_FOUND}; {@code HTTP_<status>} for
	 * statuses without a name of their own
	 */
	static String code(int status) {
		String[] known = KNOWN.get(status);
		return (known != null) ? known[0] : "HTTP_" + status;
	}

	/**
	 * @param status an HTTP status code
	 * @return a problem with Chinese title and detail and the stable code
	 */
	static ProblemDetail problem(int status) {
		String[] known = KNOWN.get(status);
		String title = (known != null) ? known[1] : ((status >= 500) ? "服务器错误" : "请求错误");
		String detail = (known != null) ? known[2]
				: ((status >= 500) ? "服务器错误，请联系系统管理员" : "请求无法处理（HTTP " + status + "）");
		return problem(status, code(status), title, detail);
	}

	/**
	 * @return a problem with the given parts and {@code type}
	 * {@code urn:rtms:problem:<code>}
	 */
	static ProblemDetail problem(int status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		problem.setTitle(title);
		problem.setType(URI.create("urn:rtms:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * A problem as JSON text, for places that write the response themselves (a filter, a
	 * Tomcat valve) without a message converter.
	 * @param problem the problem
	 * @return its JSON
	 */
	static String json(ProblemDetail problem) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("type", String.valueOf(problem.getType()));
		out.put("title", problem.getTitle());
		out.put("status", problem.getStatus());
		out.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			out.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			out.putAll(problem.getProperties());
		}
		StringBuilder json = new StringBuilder("{");
		out.forEach((key, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(quote(key)).append(':');
			json.append((value instanceof Number) ? value.toString() : quote(String.valueOf(value)));
		});
		return json.append('}').toString();
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
