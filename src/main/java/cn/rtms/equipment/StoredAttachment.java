package cn.rtms.equipment;

/**
 * An attachment's content for download.
 *
 * @param fileName file name
 * @param contentType detected type
 * @param sha256 checksum
 * @param content bytes
 */
public record StoredAttachment(String fileName, String contentType, String sha256, byte[] content) {
}
