package cn.rtms.rules.engine.spec;

/**
 * A code with its Chinese name (sub-techniques, routes).
 *
 * @param code UPPER_SNAKE code
 * @param name Chinese name
 */
public record CodedName(String code, String name) {
}
