package cn.rtms.rules.engine.spec;

/**
 * Where a spec's text comes from.
 *
 * @param file file in shared/regulations
 * @param document the document it comes from
 */
public record SourceDocument(String file, String document) {
}
