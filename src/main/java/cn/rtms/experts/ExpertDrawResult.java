package cn.rtms.experts;

import java.util.List;
import java.util.UUID;

/**
 * A random draw of experts, as recorded in the audit trail (entry {@code EXPERT_DRAWN} on
 * the subject): anyone can recompute {@code drawn} from {@code candidateIds},
 * {@code count} and {@code seed} with {@link ExpertDraw}.
 *
 * @param subjectType the subject's entity type
 * @param subjectId the subject
 * @param technologyCode the technology matched
 * @param count how many were asked for
 * @param seed the seed
 * @param algorithm how the draw is computed, in Chinese
 * @param candidateIds the candidate set: active, matching, non-recused experts within
 * reach
 * @param drawn the drawn experts, in draw order
 */
public record ExpertDrawResult(String subjectType, UUID subjectId, String technologyCode, int count, String seed,
		String algorithm, List<UUID> candidateIds, List<ExpertCandidate> drawn) {
}
