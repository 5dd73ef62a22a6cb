package cn.rtms.supervision;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an alert rests on: facts as label and value, items (failing clauses, technologies,
 * indicators) with actual and required values, and the page in the UI that shows the
 * evidence itself.
 *
 * @param facts the facts, e.g. 最后一例 2024-03-05
 * @param items the detailed findings
 * @param link front-end route with query, e.g. {@code /filings/…} or
 * {@code /cases?institutionId=…&flag=DEVICE_EXPIRED}
 * @param linkLabel what the link opens, in Chinese
 */
public record Evidence(List<EvidenceFact> facts, List<EvidenceItem> items, String link, String linkLabel) {

	/**
	 * Copies the lists.
	 */
	public Evidence {
		facts = List.copyOf(facts);
		items = List.copyOf(items);
	}

	/**
	 * One fact.
	 *
	 * @param label what, in Chinese
	 * @param value its value as shown
	 */
	public record EvidenceFact(String label, String value) {
	}

	/**
	 * One detailed finding.
	 *
	 * @param title e.g. the clause citation or the technology's name
	 * @param text the explanation, in Chinese
	 * @param actual the actual value, when there is one
	 * @param required what is required, when there is a requirement
	 */
	public record EvidenceItem(String title, String text, @Nullable String actual, @Nullable String required) {
	}

}
