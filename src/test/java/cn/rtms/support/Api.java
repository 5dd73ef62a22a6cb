package cn.rtms.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny HTTP client for integration tests against the running application on its random
 * port. It keeps cookies like a browser (the session cookie and {@code XSRF-TOKEN}) and
 * sends the CSRF token as {@code X-XSRF-TOKEN} on every non-GET request. Log in with
 * {@link #login(String, String)}; one instance is one browser session.
 */
public final class Api {

	/** The password of every demo user. */
	public static final String DEMO_PASSWORD = "Rtms@2026";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	private final Map<String, String> cookies;

	public Api(int port) {
		this(port, new LinkedHashMap<>());
	}

	private Api(int port, Map<String, String> cookies) {
		this.base = "http://127.0.0.1:" + port;
		this.cookies = cookies;
	}

	/**
	 * The same browser session (its cookies, shared from now on) talking to another node.
	 * @param port the other node's port
	 * @return a client on that port with this session's cookies
	 */
	public Api onPort(int port) {
		return new Api(port, this.cookies);
	}

	/**
	 * @return a new session on the port, logged in as the demo user
	 */
	public static Api as(int port, String demoUser) {
		return new Api(port).login(demoUser, DEMO_PASSWORD);
	}

	/**
	 * Logs in and keeps the session cookie and XSRF token; fails when the login fails.
	 * @return this session
	 */
	public Api login(String username, String password) {
		Response response = tryLogin(username, password);
		if (response.status() != 200) {
			throw new IllegalStateException(
					"login of " + username + " failed: " + response.status() + " " + response.text());
		}
		return this;
	}

	/**
	 * @return the login response, whatever it is
	 */
	public Response tryLogin(String username, String password) {
		return post("/api/auth/login", Map.of("username", username, "password", password));
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), false);
	}

	public Response post(String path, Object body) {
		return post(path, body, true);
	}

	/**
	 * @param csrf whether to send the X-XSRF-TOKEN header
	 */
	public Response post(String path, Object body, boolean csrf) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(body instanceof String s ? s : this.json.writeValueAsString(body))), csrf);
	}

	public Response put(String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofString(body instanceof String s ? s : this.json.writeValueAsString(body))), true);
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).DELETE(), true);
	}

	/**
	 * @return a cookie of this session, null when not set
	 */
	public String cookie(String name) {
		return this.cookies.get(name);
	}

	/**
	 * Sets a cookie of this session by hand (to send another session's token, say).
	 * @return this session
	 */
	public Api withCookie(String name, String value) {
		this.cookies.put(name, value);
		return this;
	}

	private Response send(HttpRequest.Builder request, boolean csrf) {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map(e -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining("; ")));
		}
		String token = this.cookies.get("XSRF-TOKEN");
		if (csrf && token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				String name = pair.substring(0, eq).trim();
				String value = pair.substring(eq + 1).trim();
				boolean expired = value.isEmpty() || header.toLowerCase().contains("max-age=0");
				if (expired) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
			return new Response(response.statusCode(), body(response), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The JSON body, or {@code null} when there is none or it is a page or script (HTML
	 * of the Swagger UI) rather than JSON; a JSON answer that does not parse still fails.
	 */
	private @Nullable JsonNode body(HttpResponse<String> response) {
		if (response.body().isEmpty()) {
			return null;
		}
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (!type.contains("json") && !response.body().stripLeading().matches("(?s)^[\\[{\"].*")) {
			return null;
		}
		return this.json.readTree(response.body());
	}

	/**
	 * Posts one file as {@code multipart/form-data} (part name {@code file}), with the
	 * session cookies and the CSRF token.
	 * @param path the API path
	 * @param fileName the file name sent
	 * @param content the file's bytes
	 * @return the response
	 */
	public Response upload(String path, String fileName, byte[] content) {
		String boundary = "----rtms" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), true);
	}

	/**
	 * Posts form fields (a name may repeat) and one file as {@code multipart/form-data},
	 * with the session cookies and the CSRF token.
	 * @param path the API path
	 * @param fields the fields, in order
	 * @param fileField the file part's name
	 * @param fileName the file name sent
	 * @param content the file's bytes
	 * @return the response
	 */
	public Response multipart(String path, java.util.List<java.util.Map.Entry<String, String>> fields, String fileField,
			String fileName, byte[] content) {
		String boundary = "----rtms" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (java.util.Map.Entry<String, String> field : fields) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), true);
	}

	public JsonMapper json() {
		return this.json;
	}

	/** A response: status, parsed JSON body and raw text. */
	public record Response(int status, JsonNode body, String text) {
	}

}
