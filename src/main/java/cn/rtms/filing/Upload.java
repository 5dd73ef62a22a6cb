package cn.rtms.filing;

/**
 * A file as received from a client; its type is decided by its content, not by the name
 * or declared type.
 *
 * @param fileName the original file name
 * @param content the bytes
 */
public record Upload(String fileName, byte[] content) {
}
