package cn.rtms.filing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A logged-in demo user driving the filing API: JSON through {@link Api}, multipart and
 * downloads on its session.
 */
final class FilingClient {

	final Api api;

	private final String base;

	private final HttpClient http = HttpClient.newHttpClient();

	private FilingClient(int port, String user) {
		this.api = Api.as(port, user);
		this.base = "http://127.0.0.1:" + port;
	}

	static FilingClient as(int port, String user) {
		return new FilingClient(port, user);
	}

	Response get(String path) {
		return this.api.get(path);
	}

	Response post(String path, Object body) {
		return this.api.post(path, body);
	}

	JsonNode ok(Response response) {
		assertThat(response.status()).as(response.text()).isBetween(200, 201);
		return response.body();
	}

	JsonNode filing(String id) {
		return ok(get("/api/filings/" + id));
	}

	String me() {
		return ok(get("/api/auth/me")).get("id").asString();
	}

	/**
	 * Makes sure the user's hospital has a filing of the technology that is self-assessed
	 * or later, as a hospital must before it authorizes physicians for the technology:
	 * creates and self-assesses one, or self-assesses the draft another test left.
	 * @return the id of the filing this call created (delete it when done, so that the
	 * technology stays free for the other tests of the context), or null when the
	 * hospital had one
	 */
	String selfAssessedFiling(String technology) {
		Response created = post("/api/filings", Map.of("technology", technology));
		if (created.status() == 409) {
			for (JsonNode filing : ok(get("/api/filings?technology=" + technology))) {
				if (filing.get("state").asString().equals("DRAFT")) {
					ok(post("/api/filings/" + filing.get("id").asString() + "/self-assessment",
							Map.of("version", filing.get("version").asLong())));
				}
			}
			return null;
		}
		JsonNode draft = ok(created);
		String id = draft.get("id").asString();
		ok(post("/api/filings/" + id + "/self-assessment", Map.of("version", draft.get("version").asLong())));
		return id;
	}

	/** Deletes a filing {@link #selfAssessedFiling} created (none when null). */
	void deleteFiling(String id) {
		if (id != null) {
			assertThat(this.api.delete("/api/filings/" + id).status()).isEqualTo(204);
		}
	}

	/** A file part. */
	record Part(String name, String fileName, byte[] content) {
	}

	Response multipart(String path, Map<String, String> fields, List<Part> files) {
		return multipart(path, fields, files, java.util.Set.of());
	}

	/**
	 * @param jsonFields names of the fields sent as {@code application/json} parts (text
	 * otherwise)
	 */
	Response multipart(String path, Map<String, String> fields, List<Part> files, java.util.Set<String> jsonFields) {
		return multipart(path, List.copyOf(fields.entrySet()), files, jsonFields);
	}

	/** With repeated fields (a list parameter such as {@code clauseRefs}). */
	Response multipart(String path, List<Map.Entry<String, String>> fields, List<Part> files,
			java.util.Set<String> jsonFields) {
		String boundary = "----rtms" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> field : fields) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\nContent-Type: "
						+ (jsonFields.contains(field.getKey()) ? "application/json" : "text/plain; charset=UTF-8")
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(field.getValue().getBytes(StandardCharsets.UTF_8));
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			for (Part part : files) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name()
						+ "\"; filename=\"" + part.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(part.content());
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
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

	static Map<String, String> fields(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static byte[] pdf(String text) {
		return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
	}

}
