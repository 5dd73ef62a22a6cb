package cn.rtms.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import cn.rtms.Application;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The order-entry check benchmark
 * ({@code ./rtms bench gate [rate=1000] [seconds=20] [connections=32]},
 * docs/benchmark.md): starts the whole application with its web server on loopback and a
 * fresh embedded PostgreSQL holding the demo data and demo filings, creates a hospital
 * administrator and an API key for 吉林省松江肿瘤医院 and grants two of its physicians G08. Then
 * an open-loop load generator ({@link Generator}) sends {@code rate} requests per second
 * over {@code connections} kept-alive connections, each request at its scheduled moment
 * whether or not earlier ones were answered, to the static endpoint
 * {@code GET /api/gate/ping} and, in the same run, to {@code GET /api/gate} (a mix of
 * ALLOW, DENY, OUT_OF_SCOPE, NOT_RESTRICTED and a lookup by licence number); both carry
 * the API key, so the difference is the check itself. Latency is measured from the
 * scheduled moment (no coordinated omission). After a warm-up of both ({@code seconds}
 * each, at least 10 s), the two endpoints alternate in 5-second slices, so both meet the
 * same machine. Reported per endpoint: requests, errors, achieved throughput, p50, p99,
 * p99.9 and maximum, the ratio gate / static, and every second with a request slower than
 * 5 ms (by JVM uptime, to line up with {@code -Xlog:gc} or JFR).
 */
public final class GateBench {

	static final String HOSPITAL = "吉林省松江肿瘤医院";

	private GateBench() {
	}

	public static void main(String[] args) throws Exception {
		int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
		SpringApplication application = new SpringApplication(Application.class);
		String[] properties = { "--server.port=0", "--server.address=127.0.0.1",
				"--rtms.database.embedded.data-dir=target/bench-gate-pg", "--rtms.database.embedded.clean=true",
				"--rtms.demo-data.enabled=true", "--rtms.demo-data.filings=true", "--logging.level.root=WARN" };
		try (ConfigurableApplicationContext context = application.run(properties)) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "8080"));
			Setup setup = setUp(port);
			// the generator: `connections` kept-alive HTTP/1.1 connections, each served
			// by a
			// platform thread of its own (outside the server's virtual-thread carriers)
			Generator generator = new Generator(port, setup.key(), connections);
			List<String> gateQueries = setup.queries();
			List<String> ping = List.of("/api/gate/ping");
			System.out.printf("目标速率 %d 次/秒，每阶段 %d 秒，至多 %d 个连接；%s，%d 种准入查询轮换%n", rate, seconds, connections, HOSPITAL,
					gateQueries.size());
			int warmUp = Math.max(10, seconds);
			generator.run(ping, rate, warmUp, new Result());
			generator.run(gateQueries, rate, warmUp, new Result());
			// alternate 5-second slices of both, so that both see the same machine (other
			// builds, GC, JIT) rather than one phase after the other
			Result staticResult = new Result();
			Result gateResult = new Result();
			int slice = Math.min(5, seconds);
			for (int done = 0; done < seconds; done += slice) {
				generator.run(ping, rate, slice, staticResult);
				generator.run(gateQueries, rate, slice, gateResult);
			}
			System.out.printf("  %-28s %8s %6s %10s %8s %8s %8s %8s %10s%n", "端点", "请求", "错误", "吞吐 次/秒", "p50 ms",
					"p99 ms", "p99.9 ms", "max ms", "CPU µs/次");
			staticResult.print("GET /api/gate/ping（静态）");
			gateResult.print("GET /api/gate（准入查询）");
			System.out.printf("比值（准入 / 静态）：p50 %.2f，p99 %.2f，吞吐 %.2f；目标 p99 < 5 ms：%s%n",
					gateResult.percentile(0.5) / Math.max(staticResult.percentile(0.5), 0.001),
					gateResult.percentile(0.99) / Math.max(staticResult.percentile(0.99), 0.001),
					gateResult.throughput() / Math.max(staticResult.throughput(), 0.001),
					gateResult.percentile(0.99) < 5 ? "达到" : "未达到");
			System.out.println("准入查询结论分布：" + gateResult.decisions);
			generator.close();
			System.out.println("超过 5 ms 的秒（每秒最慢的一次）：");
			staticResult.printStalls("静态", 5);
			gateResult.printStalls("准入", 5);
		}
	}

	record Setup(String key, List<String> queries) {
	}

	static Setup setUp(int port) {
		Api admin = Api.as(port, "admin");
		String hospital = admin.get("/api/institutions?q=" + HOSPITAL).body().get(0).get("id").asString();
		check(admin.post("/api/users", Map.of("username", "bench-admin", "displayName", "压测医院管理员", "role",
				"HOSPITAL_ADMIN", "institutionId", hospital, "initialPassword", "Init#2026x")), 201);
		Api hospitalAdmin = new Api(port).login("bench-admin", "Init#2026x");
		check(hospitalAdmin.post("/api/auth/password",
				Map.of("oldPassword", "Init#2026x", "newPassword", "Bench#2026pw")), 200);
		Api clerk = Api.as(port, "songjiang-clerk");
		String gao = personId(admin, "高志远");
		String han = personId(admin, "韩东");
		String lin = personId(admin, "林雪梅");
		grant(clerk, hospitalAdmin, gao, List.of("RFA", "MWA"));
		grant(clerk, hospitalAdmin, han, List.of());
		String licence = admin.get("/api/people/" + han).body().at("/licence/number").asString();
		JsonNode key = check(hospitalAdmin.post("/api/api-keys", Map.of("name", "压测 HIS")), 201);
		List<String> queries = List.of("/api/gate?physician=" + gao + "&procedureCode=06.3100x001",
				"/api/gate?physician=" + gao + "&procedureCode=52.2200x007",
				"/api/gate?physician=" + lin + "&procedureCode=50.2400x001",
				"/api/gate?physician=" + licence + "&procedureCode=502400x002",
				"/api/gate?physician=" + han + "&procedureCode=47.0100",
				"/api/gate?physician=" + han + "&technology=G08&subTechnique=CRYO&date=" + TestClock.today());
		return new Setup(key.get("secret").asString(), queries);
	}

	static String personId(Api admin, String name) {
		return admin.get("/api/people?q=" + name).body().get(0).get("id").asString();
	}

	static void grant(Api clerk, Api admin, String person, List<String> subTechniques) {
		java.time.LocalDate today = TestClock.today();
		JsonNode applied = check(
				clerk.post("/api/authorizations", Map.of("personId", person, "technology", "G08", "subTechniques",
						subTechniques, "validFrom", today.toString(), "validUntil", today.plusYears(3).toString())),
				201);
		check(admin.post("/api/authorizations/" + applied.get("id").asString() + "/grant", Map.of("version", 0)), 200);
	}

	static JsonNode check(Response response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("准备数据失败：" + response.status() + " " + response.text());
		}
		return response.body();
	}

	/**
	 * An open-loop load generator over a fixed number of kept-alive HTTP/1.1 connections
	 * (like a hospital system's connection pool). A scheduler thread releases one request
	 * every {@code 1 s / rate} into a queue whether or not earlier ones were answered;
	 * each connection's thread takes the next due request, writes it and reads the
	 * answer. Latency runs from the scheduled moment, so time spent queued behind a
	 * stalled server counts (no coordinated omission). Deliberately lean (pre-encoded
	 * requests, a minimal response parser): the generator shares the two cores with the
	 * server, and the JDK {@code HttpClient} cost more CPU per request than the server's
	 * own work.
	 */
	static final class Generator implements AutoCloseable {

		private static final long DONE = -1;

		private final List<Connection> connections = new ArrayList<>();

		private final BlockingQueue<long[]> due = new LinkedBlockingQueue<>();

		private final int port;

		private final String key;

		private volatile @Nullable Slice slice;

		Generator(int port, String key, int connections) throws IOException {
			this.port = port;
			this.key = key;
			for (int i = 0; i < connections; i++) {
				Connection connection = new Connection();
				this.connections.add(connection);
				Thread.ofPlatform().daemon().name("gate-bench-" + i).start(connection);
			}
		}

		/** What one call of {@link #run} measures. */
		private record Slice(byte[][] requests, long[] latencies, Result result) {
		}

		/**
		 * Sends {@code rate} requests a second for {@code seconds}, each at its scheduled
		 * moment, cycling through the paths, and waits for the answers.
		 */
		void run(List<String> paths, int rate, int seconds, Result result) throws InterruptedException {
			int total = rate * seconds;
			long period = 1_000_000_000L / rate;
			byte[][] requests = new byte[paths.size()][];
			for (int i = 0; i < paths.size(); i++) {
				requests[i] = ("GET " + paths.get(i) + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
						+ "\r\nAccept: application/json\r\nX-Api-Key: " + this.key + "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8);
			}
			long[] latencies = new long[total];
			Arrays.fill(latencies, -1);
			Slice current = new Slice(requests, latencies, result);
			this.slice = current;
			CountDownLatch answered = new CountDownLatch(total);
			result.pending = answered;
			long cpuStart = processCpuNanos();
			long start = System.nanoTime();
			// JVM uptime, the clock of -Xlog:gc's "uptime" decoration and of JFR
			// recordings
			long startMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
			for (int i = 0; i < total; i++) {
				long scheduled = start + i * period;
				long wait = scheduled - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				this.due.add(new long[] { i, scheduled });
			}
			if (!answered.await(30, TimeUnit.SECONDS)) {
				result.errors.addAndGet(answered.getCount());
			}
			result.add(latencies, System.nanoTime() - start, startMillis, period);
			result.cpuNanos += processCpuNanos() - cpuStart;
		}

		/**
		 * @return the CPU time of this process (server and generator, not PostgreSQL)
		 */
		static long processCpuNanos() {
			return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime();
		}

		@Override
		public void close() {
			for (int i = 0; i < this.connections.size(); i++) {
				this.due.add(new long[] { DONE, 0 });
			}
		}

		/** One kept-alive connection and the thread that serves it. */
		private final class Connection implements Runnable {

			private @Nullable Socket socket;

			private @Nullable InputStream in;

			private @Nullable OutputStream out;

			@Override
			public void run() {
				while (true) {
					long[] next;
					try {
						next = Generator.this.due.take();
					}
					catch (InterruptedException ex) {
						return;
					}
					if (next[0] == DONE) {
						closeSocket();
						return;
					}
					Slice current = Objects.requireNonNull(Generator.this.slice);
					int index = (int) next[0];
					try {
						String body = exchange(current.requests()[index % current.requests().length], current.result());
						current.latencies()[index] = System.nanoTime() - next[1];
						if (body != null) {
							current.result().decision(body);
						}
					}
					catch (IOException ex) {
						current.result().errors.incrementAndGet();
						closeSocket();
					}
					finally {
						Objects.requireNonNull(current.result().pending).countDown();
					}
				}
			}

			/**
			 * @return the body of a 200 answer, null (counted as an error) otherwise
			 */
			private @Nullable String exchange(byte[] request, Result result) throws IOException {
				if (this.socket == null) {
					Socket opened = new Socket("127.0.0.1", Generator.this.port);
					opened.setTcpNoDelay(true);
					this.socket = opened;
					this.in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
					this.out = opened.getOutputStream();
				}
				OutputStream output = Objects.requireNonNull(this.out);
				InputStream input = Objects.requireNonNull(this.in);
				output.write(request);
				output.flush();
				String status = line(input);
				int length = -1;
				boolean chunked = false;
				boolean close = false;
				for (String header = line(input); !header.isEmpty(); header = line(input)) {
					String lower = header.toLowerCase(Locale.ROOT);
					if (lower.startsWith("content-length:")) {
						length = Integer.parseInt(lower.substring(15).strip());
					}
					else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
						chunked = true;
					}
					else if (lower.startsWith("connection:") && lower.contains("close")) {
						close = true;
					}
				}
				ByteArrayOutputStream body = new ByteArrayOutputStream();
				if (chunked) {
					for (int size = Integer.parseInt(line(input).strip(), 16); size > 0; size = Integer
						.parseInt(line(input).strip(), 16)) {
						body.write(input.readNBytes(size));
						line(input);
					}
					line(input);
				}
				else if (length >= 0) {
					body.write(input.readNBytes(length));
				}
				if (close) {
					closeSocket();
				}
				if (!status.startsWith("HTTP/1.1 200")) {
					result.errors.incrementAndGet();
					return null;
				}
				return body.toString(StandardCharsets.UTF_8);
			}

			private static String line(InputStream input) throws IOException {
				StringBuilder line = new StringBuilder();
				for (int c = input.read(); c != '\n'; c = input.read()) {
					if (c < 0) {
						throw new IOException("connection closed");
					}
					if (c != '\r') {
						line.append((char) c);
					}
				}
				return line.toString();
			}

			private void closeSocket() {
				try {
					if (this.socket != null) {
						this.socket.close();
					}
				}
				catch (IOException ex) {
					// closing anyway
				}
				this.socket = null;
			}

		}

	}

	/** The latencies of one endpoint, over all its slices. */
	static final class Result {

		final List<long[]> slices = new ArrayList<>();

		final List<long[]> sliceTimes = new ArrayList<>();

		final AtomicLong errors = new AtomicLong();

		volatile @Nullable CountDownLatch pending;

		long cpuNanos;

		final Map<String, AtomicLong> decisions = new java.util.concurrent.ConcurrentSkipListMap<>();

		long elapsedNanos;

		void add(long[] latencies, long elapsed, long startMillis, long periodNanos) {
			this.slices.add(latencies);
			this.sliceTimes.add(new long[] { startMillis, periodNanos });
			this.elapsedNanos += elapsed;
		}

		void decision(String body) {
			int at = body.indexOf("\"decision\":\"");
			if (at >= 0) {
				String decision = body.substring(at + 12, body.indexOf('"', at + 12));
				this.decisions.computeIfAbsent(decision, d -> new AtomicLong()).incrementAndGet();
			}
		}

		long[] completed() {
			return this.slices.stream().flatMapToLong(Arrays::stream).filter(l -> l >= 0).sorted().toArray();
		}

		double percentile(double p) {
			long[] sorted = completed();
			if (sorted.length == 0) {
				return 0;
			}
			int index = (int) Math.ceil(p * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
		}

		double throughput() {
			return completed().length / (this.elapsedNanos / 1e9);
		}

		void print(String name) {
			System.out.printf("  %-28s %8d %6d %10.0f %8.2f %8.2f %8.2f %8.2f %10.0f%n", name, completed().length,
					this.errors.get(), throughput(), percentile(0.5), percentile(0.99), percentile(0.999),
					percentile(1.0), this.cpuNanos / 1e3 / Math.max(1, completed().length));
		}

		/**
		 * Prints the worst stalls (the slowest request of each second in which one took
		 * longer than {@code thresholdMillis}) with the JVM uptime it was due at, to line
		 * them up with {@code -Xlog:gc::uptime} or a JFR recording.
		 */
		void printStalls(String name, double thresholdMillis) {
			List<String> stalls = new ArrayList<>();
			for (int s = 0; s < this.slices.size(); s++) {
				long[] latencies = this.slices.get(s);
				long startMillis = this.sliceTimes.get(s)[0];
				long period = this.sliceTimes.get(s)[1];
				int perSecond = (int) (1_000_000_000L / period);
				for (int from = 0; from < latencies.length; from += perSecond) {
					int worst = -1;
					int slow = 0;
					for (int i = from; i < Math.min(latencies.length, from + perSecond); i++) {
						if (latencies[i] > thresholdMillis * 1e6) {
							slow++;
							if (worst < 0 || latencies[i] > latencies[worst]) {
								worst = i;
							}
						}
					}
					if (worst >= 0) {
						stalls.add(String.format("    %s 应发于 JVM 运行 %.3f s：最慢 %.1f ms，本秒 %d 次超过 %.0f ms", name,
								(startMillis + worst * period / 1_000_000) / 1000.0, latencies[worst] / 1e6, slow,
								thresholdMillis));
					}
				}
			}
			stalls.forEach(System.out::println);
		}

	}

}
