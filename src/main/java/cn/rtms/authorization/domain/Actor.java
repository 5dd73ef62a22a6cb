package cn.rtms.authorization.domain;

/**
 * Who did something, as shown on the record.
 *
 * @param username login name
 * @param displayName name shown
 */
public record Actor(String username, String displayName) {
}
