package cn.rtms.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import cn.rtms.Application;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The load benchmark
 * ({@code ./rtms bench-load [users=50] [stormClients=20] [seconds=20]},
 * docs/benchmark.md): starts the whole application with its web server on loopback and a
 * fresh embedded PostgreSQL holding the demo data, grows 长春市中心医院 to 60 staff, logs in
 * {@code users} sessions of five demo accounts, and has each session read in turn the
 * institution list, the eligibility matrix of that hospital and the filing inbox. Phase 1
 * measures those reads alone; phase 2 measures them again while {@code stormClients}
 * unauthenticated clients send wrong logins as fast as they are answered. Reported: p50,
 * p99, maximum and errors per read and phase, and the ratio of the storm phase's p99 to
 * the quiet phase's (same run, same machine).
 */
public final class LoadBench {

	static final String HOSPITAL = "长春市中心医院";

	static final int STAFF = 60;

	static final List<String> ACCOUNTS = List.of("changchun", "province", "ccszx-clerk", "ccszx-admin", "admin");

	private LoadBench() {
	}

	public static void main(String[] args) throws Exception {
		int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
		int stormClients = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		int thinkMillis = args.length > 3 ? Integer.parseInt(args[3]) : 0;
		SpringApplication application = new SpringApplication(Application.class);
		// command-line arguments: they win over the test configuration on the class path
		String[] properties = { "--server.port=0", "--server.address=127.0.0.1",
				"--rtms.database.embedded.data-dir=target/bench-load-pg", "--rtms.database.embedded.clean=true",
				"--rtms.demo-data.enabled=true", "--rtms.demo-data.filings=true", "--logging.level.root=WARN" };
		try (ConfigurableApplicationContext context = application.run(properties)) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "8080"));
			Api admin = Api.as(port, "admin");
			String hospital = growStaff(admin, STAFF);
			Map<String, String> reads = new LinkedHashMap<>();
			reads.put("机构列表", "/api/institutions");
			reads.put("资质矩阵（" + STAFF + " 名人员）", "/api/institutions/" + hospital + "/eligibility");
			reads.put("备案待办", "/api/filings/inbox");
			List<Api> sessions = new ArrayList<>();
			for (int i = 0; i < users; i++) {
				sessions.add(login(port, ACCOUNTS.get(i % ACCOUNTS.size())));
			}
			System.out.printf("数据：%s %d 名人员；%d 个已登录会话，每次读取后间隔 %d ms；每阶段 %d s%n", HOSPITAL, STAFF, users, thinkMillis,
					seconds);
			run(sessions, reads, 0, port, Math.max(3, seconds / 4), thinkMillis);
			Phase quiet = run(sessions, reads, 0, port, seconds, thinkMillis);
			quiet.print("阶段 1：仅正常读取");
			Phase storm = run(sessions, reads, stormClients, port, seconds, thinkMillis);
			storm.print("阶段 2：同时 " + stormClients + " 个未登录客户端持续提交错误口令");
			System.out.println("比值（阶段 2 p99 / 阶段 1 p99，目标 ≤ 1.5）：");
			for (String read : reads.keySet()) {
				System.out.printf("  %-24s %.2f%n", read, storm.p99(read) / Math.max(quiet.p99(read), 0.001));
			}
			System.out.printf("登录风暴：%d 次请求，状态 %s%n", storm.stormRequests.get(), storm.stormStatuses);
		}
	}

	/**
	 * Adds copies of one of the hospital's physicians (new name and licence number) until
	 * it has {@code staff} people.
	 * @return the hospital's id
	 */
	static String growStaff(Api admin, int staff) {
		JsonNode found = admin.get("/api/institutions?q=" + HOSPITAL).body();
		String id = found.get(0).get("id").asString();
		JsonNode people = admin.get("/api/people?institutionId=" + id).body();
		JsonNode template = admin.get("/api/people/" + people.get(0).get("id").asString()).body();
		for (int n = people.size(); n < staff; n++) {
			ObjectNode copy = ((ObjectNode) template).deepCopy();
			copy.remove("id");
			copy.remove("version");
			copy.put("name", "压测医师" + n);
			if (copy.get("licence") instanceof ObjectNode licence) {
				licence.put("number", String.format("22010019%07d", n));
			}
			Response created = admin.post("/api/people", copy);
			if (created.status() != 201 && created.status() != 200) {
				throw new IllegalStateException("新增压测人员失败：" + created.status() + " " + created.text());
			}
		}
		return id;
	}

	/** Logs in, waiting out a throttle answer (429) if the platform gives one. */
	static Api login(int port, String account) throws InterruptedException {
		for (int attempt = 0;; attempt++) {
			Api api = new Api(port);
			Response response = api.tryLogin(account, Api.DEMO_PASSWORD);
			if (response.status() == 200) {
				return api;
			}
			if (response.status() != 429 || attempt > 50) {
				throw new IllegalStateException("登录 " + account + " 失败：" + response.status() + " " + response.text());
			}
			Thread.sleep(200);
		}
	}

	static Phase run(List<Api> sessions, Map<String, String> reads, int stormClients, int port, int seconds,
			int thinkMillis) throws InterruptedException {
		Phase phase = new Phase(reads.keySet());
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> threads = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		List<String> names = new ArrayList<>(reads.keySet());
		for (int s = 0; s < sessions.size(); s++) {
			Api api = sessions.get(s);
			int offset = s;
			threads.add(Thread.ofPlatform().start(() -> {
				await(start);
				if (thinkMillis > 0) {
					// spread the sessions over the think time instead of firing them all
					// at once
					pause((int) ((long) thinkMillis * offset / sessions.size()));
				}
				for (int i = offset; running.get(); i++) {
					String name = names.get(i % names.size());
					long t0 = System.nanoTime();
					Response response = api.get(reads.get(name));
					phase.record(name, System.nanoTime() - t0, response.status() == 200);
					if (thinkMillis > 0) {
						pause(thinkMillis);
					}
				}
			}));
		}
		for (int c = 0; c < stormClients; c++) {
			int client = c;
			threads.add(Thread.ofPlatform().start(() -> {
				await(start);
				// one connection per client, as a scripted attacker keeps it (a failed
				// login sets no cookie)
				Api attacker = new Api(port);
				for (int i = 0; running.get(); i++) {
					Response response = attacker.tryLogin("attacker" + client + "x" + i, "Wrong-Password-" + i);
					phase.storm(response.status());
				}
			}));
		}
		start.countDown();
		Thread.sleep(seconds * 1000L);
		running.set(false);
		for (Thread thread : threads) {
			thread.join();
		}
		return phase;
	}

	private static void pause(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Latencies and errors of one phase. */
	static final class Phase {

		final Map<String, List<Long>> latencies = new LinkedHashMap<>();

		final Map<String, AtomicLong> errors = new LinkedHashMap<>();

		final AtomicLong stormRequests = new AtomicLong();

		final Map<Integer, AtomicLong> stormStatuses = new java.util.concurrent.ConcurrentSkipListMap<>();

		Phase(Iterable<String> reads) {
			for (String read : reads) {
				this.latencies.put(read, new ArrayList<>());
				this.errors.put(read, new AtomicLong());
			}
		}

		void record(String read, long nanos, boolean ok) {
			List<Long> list = this.latencies.get(read);
			synchronized (list) {
				list.add(nanos);
			}
			if (!ok) {
				this.errors.get(read).incrementAndGet();
			}
		}

		void storm(int status) {
			this.stormRequests.incrementAndGet();
			this.stormStatuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
		}

		double percentile(String read, double p) {
			long[] sorted = this.latencies.get(read).stream().mapToLong(Long::longValue).toArray();
			if (sorted.length == 0) {
				return 0;
			}
			Arrays.sort(sorted);
			int index = (int) Math.ceil(p * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
		}

		double p99(String read) {
			return percentile(read, 0.99);
		}

		void print(String title) {
			System.out.println(title);
			System.out.printf("  %-24s %8s %9s %9s %9s %6s%n", "读取", "次数", "p50 ms", "p99 ms", "max ms", "错误");
			for (String read : this.latencies.keySet()) {
				System.out.printf("  %-24s %8d %9.1f %9.1f %9.1f %6d%n", read, this.latencies.get(read).size(),
						percentile(read, 0.5), p99(read), percentile(read, 1.0), this.errors.get(read).get());
			}
		}

	}

}
