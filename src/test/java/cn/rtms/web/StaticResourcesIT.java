package cn.rtms.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 6 on the real server and the real front-end build: hashed assets are
 * cached for a year and sent precompressed, the entry page and SPA routes are revalidated
 * on every use, the API is never stored, and the favicon exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticResourcesIT {

	private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private String script;

	@BeforeEach
	void findScript() throws IOException {
		ClassPathResource index = new ClassPathResource("static/index.html");
		assertThat(index.exists()).as("前端未构建：先运行不带 -Dskip.frontend=true 的构建（或 cd frontend && npm run build）").isTrue();
		Matcher matcher = SCRIPT.matcher(index.getContentAsString(StandardCharsets.UTF_8));
		assertThat(matcher.find()).isTrue();
		this.script = matcher.group(1);
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse("");
	}

	@Test
	void hashedAssetsAreImmutableForAYear() throws Exception {
		HttpResponse<byte[]> asset = get(this.script, null);
		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(header(asset, "Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertThat(header(asset, "Pragma")).isEmpty();
		assertThat(header(asset, "Expires")).isEmpty();
		assertThat(header(asset, "Content-Encoding")).isEmpty();
		assertThat(header(asset, "Content-Type")).startsWith("text/javascript");
	}

	@Test
	void assetsAreSentGzippedWhenAccepted() throws Exception {
		HttpResponse<byte[]> plain = get(this.script, null);
		HttpResponse<byte[]> gzip = get(this.script, "gzip");
		assertThat(gzip.statusCode()).isEqualTo(200);
		assertThat(header(gzip, "Content-Encoding")).isEqualTo("gzip");
		assertThat(gzip.headers().allValues("Vary")).anyMatch((vary) -> vary.contains("Accept-Encoding"));
		assertThat(header(gzip, "Content-Type")).startsWith("text/javascript");
		assertThat(header(gzip, "Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertThat(gzip.body().length).isLessThan(plain.body().length / 2);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
			assertThat(in.readAllBytes()).isEqualTo(plain.body());
		}

		HttpResponse<byte[]> browser = get(this.script, "gzip, deflate, br, zstd");
		assertThat(header(browser, "Content-Encoding")).isEqualTo("gzip");
		assertThat(browser.body()).isEqualTo(gzip.body());
	}

	@Test
	void entryPageAndSpaRoutesAreRevalidated() throws Exception {
		for (String path : new String[] { "/", "/index.html", "/inbox" }) {
			HttpResponse<byte[]> page = get(path, "gzip");
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(header(page, "Content-Type")).as(path).startsWith("text/html");
			assertThat(header(page, "Cache-Control")).as(path).isEqualTo("no-cache");
		}
	}

	@Test
	void apiResponsesAreNeverStored() throws Exception {
		HttpResponse<byte[]> api = get("/api/auth/me", "gzip");
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(header(api, "Cache-Control")).contains("no-store");
	}

	@Test
	void theFaviconExistsAndIsLinked() throws Exception {
		HttpResponse<byte[]> favicon = get("/favicon.svg", null);
		assertThat(favicon.statusCode()).isEqualTo(200);
		assertThat(header(favicon, "Content-Type")).startsWith("image/svg+xml");
		assertThat(new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8))
			.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\"");
	}

}
