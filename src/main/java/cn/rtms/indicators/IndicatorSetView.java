package cn.rtms.indicators;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One indicator set of the dictionary, as loaded from {@code indicators/<KEY>.yaml}.
 *
 * @param key set key, e.g. {@code G08-2023}, {@code HOSPITAL}
 * @param technology technology code, null for the hospital-level set
 * @param edition edition (year of the text)
 * @param title Chinese title
 * @param source the text the set is taken from
 * @param indicators its indicators, parents before their sub-indicators
 * @param notes where the data model approximates the text, and other remarks
 */
public record IndicatorSetView(String key, @Nullable String technology, String edition, String title, String source,
		List<IndicatorView> indicators, List<String> notes) {

}
