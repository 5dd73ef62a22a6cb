package cn.rtms.experts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The expert draw is a pure function of the candidate set and the seed (docs/experts.md):
 * whoever holds an audit entry can recompute it.
 */
class ExpertDrawTests {

	static final List<UUID> CANDIDATES = List.of(UUID.fromString("00000000-0000-0000-0000-000000000001"),
			UUID.fromString("00000000-0000-0000-0000-000000000002"),
			UUID.fromString("00000000-0000-0000-0000-000000000003"),
			UUID.fromString("00000000-0000-0000-0000-000000000004"),
			UUID.fromString("00000000-0000-0000-0000-000000000005"));

	@Test
	void theSameSeedDrawsTheSameExpertsWhateverTheOrderOfTheCandidates() {
		List<UUID> shuffled = new ArrayList<>(CANDIDATES);
		Collections.shuffle(shuffled, new Random(7));
		assertThat(ExpertDraw.draw(shuffled, 3, "00000000075bcd15"))
			.isEqualTo(ExpertDraw.draw(CANDIDATES, 3, "00000000075bcd15"));
	}

	@Test
	void drawsDistinctCandidatesOnly() {
		for (int seed = 0; seed < 200; seed++) {
			List<UUID> drawn = ExpertDraw.draw(CANDIDATES, 3, Integer.toHexString(seed));
			assertThat(drawn).hasSize(3).doesNotHaveDuplicates();
			assertThat(CANDIDATES).containsAll(drawn);
		}
	}

	@Test
	void differentSeedsReachEveryCandidate() {
		Set<UUID> firstDrawn = new HashSet<>();
		for (int seed = 0; seed < 200; seed++) {
			firstDrawn.add(ExpertDraw.draw(CANDIDATES, 1, Integer.toHexString(seed)).get(0));
		}
		assertThat(firstDrawn).containsExactlyInAnyOrderElementsOf(CANDIDATES);
	}

	@Test
	void theAlgorithmIsPinnedSoRecordedDrawsStayVerifiable() {
		// the published algorithm, written out independently below: changing the
		// implementation would make recorded draws unverifiable
		assertThat(ExpertDraw.draw(CANDIDATES, 2, "seed-1"))
			.isEqualTo(ExpertDrawTests.reference(CANDIDATES, 2, "seed-1"));
		assertThat(ExpertDraw.draw(CANDIDATES, 5, "abc")).isEqualTo(ExpertDrawTests.reference(CANDIDATES, 5, "abc"));
	}

	@Test
	void refusesToDrawMoreThanTheCandidates() {
		assertThatIllegalArgumentException().isThrownBy(() -> ExpertDraw.draw(CANDIDATES, 6, "1"));
		assertThat(ExpertDraw.draw(CANDIDATES, 0, "1")).isEmpty();
	}

	/** The algorithm as docs/experts.md states it, written out independently. */
	static List<UUID> reference(List<UUID> candidates, int n, String seed) {
		List<String> ids = new ArrayList<>(candidates.stream().map(UUID::toString).sorted().toList());
		for (int i = 0; i < n; i++) {
			byte[] digest;
			try {
				digest = java.security.MessageDigest.getInstance("SHA-256")
					.digest((seed + ":" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
			java.math.BigInteger h = new java.math.BigInteger(1, java.util.Arrays.copyOf(digest, 8));
			int j = i + h.mod(java.math.BigInteger.valueOf(ids.size() - i)).intValue();
			Collections.swap(ids, i, j);
		}
		return ids.subList(0, n).stream().map(UUID::fromString).toList();
	}

}
