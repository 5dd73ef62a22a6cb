package cn.rtms.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of verifying the whole audit chain.
 *
 * @param valid whether every entry's hash matches its content and its predecessor
 * @param entries how many entries were checked
 * @param firstBrokenId the first entry whose hash does not match, or null
 * @param message Chinese summary
 */
public record ChainVerification(boolean valid, long entries, @Nullable Long firstBrokenId, String message) {
}
