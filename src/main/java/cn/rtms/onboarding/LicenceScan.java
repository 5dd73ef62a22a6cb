package cn.rtms.onboarding;

/**
 * The licence scan of an application.
 *
 * @param name the file name as sent (cleaned)
 * @param contentType the type recognised from its content
 * @param content the bytes
 */
public record LicenceScan(String name, String contentType, byte[] content) {
}
