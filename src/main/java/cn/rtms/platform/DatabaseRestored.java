package cn.rtms.platform;

import java.time.Instant;

/**
 * The whole database was replaced by a backup ({@link DatabaseBackup#restore}): whatever
 * is kept outside the database about its content (the audit chain's anchors) must be
 * re-based on the restored state.
 *
 * @param file the backup file
 * @param backupCreatedAt when the backup was taken
 */
public record DatabaseRestored(String file, Instant backupCreatedAt) {
}
