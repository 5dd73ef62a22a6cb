package cn.rtms.experts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The random draw of experts as a pure function of the candidate set and a seed, so that
 * anyone holding the audit entry (candidates and seed) can recompute it: the candidate
 * ids are sorted as lower-case strings; then for {@code i = 0 … n-1} the candidate at
 * position {@code i} is swapped with the one at {@code i + (h mod (size - i))}, where
 * {@code h} is the first 8 bytes (big-endian, unsigned) of SHA-256 of the UTF-8 text
 * {@code seed + ":" + i}; the first {@code n} are drawn (a partial Fisher–Yates shuffle).
 */
public final class ExpertDraw {

	/** How the draw is described in its audit entry. */
	public static final String ALGORITHM = "候选专家 ID 按字符串升序排列；第 i 次（i 从 0 起）取 SHA-256(种子 + \":\" + i) 前 8 字节"
			+ "（大端无符号整数）h，将第 i 位与第 i + h mod (候选数 − i) 位交换；前 N 位即抽中专家";

	private ExpertDraw() {
	}

	/**
	 * @param candidates the candidate ids (order does not matter)
	 * @param count how many to draw (at most the number of candidates)
	 * @param seed the seed (recorded with the draw)
	 * @return the drawn ids, in draw order
	 */
	public static List<UUID> draw(Collection<UUID> candidates, int count, String seed) {
		List<UUID> pool = new ArrayList<>(candidates.stream().distinct().toList());
		if (count < 0 || count > pool.size()) {
			throw new IllegalArgumentException("cannot draw " + count + " of " + pool.size());
		}
		pool.sort(Comparator.comparing(UUID::toString));
		for (int i = 0; i < count; i++) {
			long h = hash(seed + ":" + i);
			int j = i + (int) Long.remainderUnsigned(h, pool.size() - i);
			UUID swap = pool.get(i);
			pool.set(i, pool.get(j));
			pool.set(j, swap);
		}
		return List.copyOf(pool.subList(0, count));
	}

	private static long hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			long value = 0;
			for (int k = 0; k < 8; k++) {
				value = (value << 8) | (digest[k] & 0xFF);
			}
			return value;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
