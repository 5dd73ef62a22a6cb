package cn.rtms.identity;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import cn.rtms.web.ProblemException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds the password hashing that logins cost, so that a storm of login requests cannot
 * starve everyone else of CPU: at most
 * {@code rtms.security.login.max-concurrent-per-address} logins of one client address run
 * at once (default 1) and at most {@code rtms.security.login.max-concurrent} in all
 * (default: the number of processors, at least 2). A login waits at most
 * {@code rtms.security.login.max-wait} (default 1 s) for its turn, and no more than
 * {@value #MAX_WAITING_PER_ADDRESS} requests of one address wait at a time; the others
 * are refused with 429 {@code LOGIN_THROTTLED} and {@code Retry-After} — after
 * {@code rtms.security.login.refusal-delay} (default 1 s), so that a client hammering the
 * login gets at most about one answer per second per connection instead of as many as the
 * server can produce (a delayed refusal parks a virtual thread and costs no CPU; at most
 * {@value #MAX_DELAYED} refusals are held at once, beyond that they are immediate).
 * Nothing is queued without bound, and per-address state exists only while that address
 * has logins in flight.
 */
@Component
public class LoginThrottle {

	static final int MAX_WAITING_PER_ADDRESS = 8;

	static final int MAX_DELAYED = 5_000;

	private final Semaphore delayed = new Semaphore(MAX_DELAYED);

	private final Duration refusalDelay;

	private final Consumer<Duration> sleeper;

	private static final long RETRY_AFTER_SECONDS = 1;

	private final int perAddress;

	private final Semaphore global;

	private final Duration maxWait;

	private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();

	@Autowired
	LoginThrottle(@Value("${rtms.security.login.max-concurrent-per-address:1}") int perAddress,
			@Value("${rtms.security.login.max-concurrent:0}") int global,
			@Value("${rtms.security.login.max-wait:1s}") Duration maxWait,
			@Value("${rtms.security.login.refusal-delay:1s}") Duration refusalDelay) {
		this(perAddress, global, maxWait, refusalDelay, LoginThrottle::sleep);
	}

	LoginThrottle(int perAddress, int global, Duration maxWait, Duration refusalDelay, Consumer<Duration> sleeper) {
		this.refusalDelay = refusalDelay;
		this.sleeper = sleeper;
		this.perAddress = Math.max(1, perAddress);
		int total = global > 0 ? global : Math.max(2, Runtime.getRuntime().availableProcessors());
		this.global = new Semaphore(Math.max(total, this.perAddress), true);
		this.maxWait = maxWait;
	}

	/**
	 * Takes a turn to check a password for a client address; close the permit when done.
	 * @param address the client's address
	 * @return the permit
	 * @throws ProblemException 429 {@code LOGIN_THROTTLED} with {@code Retry-After} when
	 * the address or the server has too many logins in flight
	 */
	public Permit acquire(String address) {
		boolean[] full = new boolean[1];
		Gate gate = this.gates.compute(address, (key, existing) -> {
			Gate g = (existing != null) ? existing : new Gate(this.perAddress);
			if (g.users >= this.perAddress + MAX_WAITING_PER_ADDRESS) {
				full[0] = true;
			}
			else {
				g.users++;
			}
			return g;
		});
		if (full[0]) {
			delayRefusal();
			throw Problems.loginThrottled(RETRY_AFTER_SECONDS);
		}
		boolean addressPermit = false;
		try {
			long deadline = System.nanoTime() + this.maxWait.toNanos();
			addressPermit = gate.permits.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS);
			if (!addressPermit
					|| !this.global.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				throw Problems.loginThrottled(RETRY_AFTER_SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			release(address, gate, addressPermit);
			throw Problems.loginThrottled(RETRY_AFTER_SECONDS);
		}
		catch (ProblemException ex) {
			release(address, gate, addressPermit);
			throw ex;
		}
		return () -> {
			this.global.release();
			release(address, gate, true);
		};
	}

	/**
	 * Holds a refused request for the refusal delay, unless too many are held already.
	 */
	private void delayRefusal() {
		if (this.refusalDelay.isZero() || !this.delayed.tryAcquire()) {
			return;
		}
		try {
			this.sleeper.accept(this.refusalDelay);
		}
		finally {
			this.delayed.release();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @return how many logins of the address hold or await a turn
	 */
	int waiting(String address) {
		Gate gate = this.gates.get(address);
		return gate == null ? 0 : gate.users;
	}

	/**
	 * @return how many client addresses have logins in flight or waiting
	 */
	int addressesInFlight() {
		return this.gates.size();
	}

	private void release(String address, Gate gate, boolean addressPermit) {
		if (addressPermit) {
			gate.permits.release();
		}
		this.gates.computeIfPresent(address, (key, g) -> (--g.users == 0) ? null : g);
	}

	/** A turn to check a password; closing it gives the turn back. */
	@FunctionalInterface
	public interface Permit extends AutoCloseable {

		@Override
		void close();

	}

	/** One address's permits and the number of its requests holding or awaiting one. */
	private static final class Gate {

		final Semaphore permits;

		/** Changed only inside {@code gates.compute}, which serialises it per address. */
		volatile int users;

		Gate(int permits) {
			this.permits = new Semaphore(permits, true);
		}

	}

}
