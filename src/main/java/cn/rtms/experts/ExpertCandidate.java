package cn.rtms.experts;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An expert offered for an assignment.
 *
 * @param id the expert's account
 * @param username login name
 * @param displayName name shown
 * @param regionCode pool region
 * @param regionName its Chinese name
 * @param pool where the pool lies from the assigning authority: 本级, 上级 or 下级
 * @param specialties the expert's specialties
 * @param specialtyMatch whether one of them is the subject's technology
 * @param employerName the employer, or null
 * @param recused whether the expert must not be assigned (employed by the institution
 * under review)
 * @param recusalReason why, in Chinese, or null
 */
public record ExpertCandidate(UUID id, String username, String displayName, String regionCode,
		@Nullable String regionName, String pool, List<PoolExpert.Specialty> specialties, boolean specialtyMatch,
		@Nullable String employerName, boolean recused, @Nullable String recusalReason) {
}
