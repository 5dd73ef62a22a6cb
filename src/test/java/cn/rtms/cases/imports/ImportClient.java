package cn.rtms.cases.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A logged-in demo user driving the case import API: uploads, polling and downloads. */
final class ImportClient {

	final Api api;

	private final String base;

	private final HttpClient http = HttpClient.newHttpClient();

	ImportClient(int port, String user) {
		this.api = Api.as(port, user);
		this.base = "http://127.0.0.1:" + port;
	}

	String institutionId() {
		return this.api.get("/api/auth/me").body().get("institutionId").asString();
	}

	Response upload(String fileName, byte[] content, String technology, boolean validOnly) {
		return multipart("/api/case-imports",
				Map.of("technology", technology, "validOnly", String.valueOf(validOnly), "confirmWarnings", "true"),
				fileName, content);
	}

	/** Uploads and waits for the import to end. */
	JsonNode imported(String fileName, byte[] content, String technology, boolean validOnly) {
		Response started = upload(fileName, content, technology, validOnly);
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		return finished(started.body().get("id").asString());
	}

	JsonNode finished(String id) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
			Response response = this.api.get("/api/case-imports/" + id);
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			last[0] = response.body();
			String status = last[0].get("status").asString();
			return status.equals("DONE") || status.equals("FAILED");
		});
		return last[0];
	}

	HttpResponse<byte[]> download(String path) {
		try {
			return this.http.send(session(HttpRequest.newBuilder(URI.create(this.base + path))).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Response multipart(String path, Map<String, String> fields, String fileName, byte[] content) {
		String boundary = "----rtms" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> field : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(field.getValue().getBytes(StandardCharsets.UTF_8));
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		HttpRequest request = session(HttpRequest.newBuilder(URI.create(this.base + path)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-XSRF-TOKEN", this.api.cookie("XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode json = response.body().isEmpty() ? null : this.api.json().readTree(response.body());
			return new Response(response.statusCode(), json, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder session(HttpRequest.Builder builder) {
		List<String> cookies = new ArrayList<>();
		for (String name : List.of("JSESSIONID", "SESSION", "XSRF-TOKEN")) {
			String value = this.api.cookie(name);
			if (value != null) {
				cookies.add(name + "=" + value);
			}
		}
		return builder.header("Cookie", String.join("; ", cookies));
	}

}
