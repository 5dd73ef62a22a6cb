package cn.rtms.identity;

/**
 * A key just created or rotated, with its secret: the only time the secret is ever shown.
 * Only its SHA-256 is stored.
 *
 * @param key the key
 * @param secret the whole key to configure in the client, {@code rtms_<prefix>.<secret>}
 */
public record IssuedApiKey(ApiKeyView key, String secret) {
}
