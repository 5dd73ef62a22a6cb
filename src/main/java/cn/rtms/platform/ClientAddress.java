package cn.rtms.platform;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request, for audit and throttling. The socket peer
 * is the client unless it is one of the configured trusted proxies
 * ({@code rtms.security.trusted-proxies}: addresses or CIDR ranges, comma-separated, none
 * by default); only then is {@code X-Forwarded-For} read, from the right, skipping
 * further trusted proxies, and the first untrusted address is the client. Entries that
 * are not IP literals are ignored (no name lookups), so a client cannot place arbitrary
 * text in the audit trail.
 */
@Component
public class ClientAddress {

	/** Longest address kept (an IPv6 literal with zone fits). */
	static final int MAX_LENGTH = 64;

	private final List<Range> trusted;

	/**
	 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose
	 * {@code X-Forwarded-For} is believed
	 */
	public ClientAddress(@Value("${rtms.security.trusted-proxies:}") List<String> trustedProxies) {
		List<Range> ranges = new ArrayList<>();
		for (String entry : trustedProxies) {
			if (!entry.isBlank()) {
				ranges.add(Range.parse(entry.strip()));
			}
		}
		this.trusted = List.copyOf(ranges);
	}

	/**
	 * @param request the request
	 * @return the client's address (see the class comment)
	 */
	public String of(HttpServletRequest request) {
		return resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
	}

	String resolve(String peer, java.util.@Nullable Enumeration<String> forwardedHeaders) {
		String direct = shorten(peer);
		if (forwardedHeaders == null || !isTrusted(peer)) {
			return direct;
		}
		List<String> hops = new ArrayList<>();
		for (String header : java.util.Collections.list(forwardedHeaders)) {
			for (String hop : header.split(",")) {
				hops.add(hop.strip());
			}
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			InetAddress address = literal(hops.get(i));
			if (address == null) {
				return direct;
			}
			if (!isTrusted(address)) {
				return shorten(address.getHostAddress());
			}
		}
		return direct;
	}

	private boolean isTrusted(String peer) {
		InetAddress address = literal(peer);
		return address != null && isTrusted(address);
	}

	private boolean isTrusted(InetAddress address) {
		return this.trusted.stream().anyMatch(range -> range.contains(address));
	}

	private static String shorten(String address) {
		return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
	}

	private static @Nullable InetAddress literal(String text) {
		String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
		if (candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
			return null;
		}
		try {
			return InetAddress.ofLiteral(candidate);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** An address range: network and prefix length. */
	private record Range(byte[] network, int prefix) {

		static Range parse(String text) {
			int slash = text.indexOf('/');
			InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
			if (address == null) {
				throw new IllegalArgumentException("rtms.security.trusted-proxies 中的地址无效：" + text);
			}
			int bits = address.getAddress().length * 8;
			int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("rtms.security.trusted-proxies 中的前缀长度无效：" + text);
			}
			return new Range(address.getAddress(), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			int shift = bytes.length * 8 - this.prefix;
			return new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, this.network).shiftRight(shift));
		}

	}

}
