package cn.rtms.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A restricted technology of a catalogue (限制类技术), as listed, with its history.
 *
 * @param code catalogue code, e.g. {@code G08} or {@code S04}
 * @param name Chinese name
 * @param level national or provincial
 * @param jurisdiction GB/T 2260 code of the area the catalogue covers ({@code 000000} =
 * whole country)
 * @param catalogueEdition the catalogue edition that lists it now
 * @param status whether it is in force
 * @param history dated catalogue events, oldest first
 */
public record RestrictedTechnology(String code, String name, TechnologyLevel level, String jurisdiction,
		String catalogueEdition, TechnologyStatus status, List<HistoryEntry> history) {

	/**
	 * One dated catalogue event (listed, moved to a provincial catalogue…).
	 *
	 * @param date when it happened
	 * @param event what happened, in Chinese
	 */
	public record HistoryEntry(LocalDate date, String event) {
	}

	/** National (国家级) or provincial (省级). */
	public enum TechnologyLevel {

		/** 国家限制类技术. */
		NATIONAL("国家级"),
		/** 省级限制类技术. */
		PROVINCIAL("省级");

		private final String label;

		TechnologyLevel(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese label
		 */
		public String label() {
			return this.label;
		}

	}

	/** Whether the technology is currently listed. */
	public enum TechnologyStatus {

		/** 在用. */
		IN_FORCE("现行"),
		/** 已废止. */
		WITHDRAWN("已废止");

		private final String label;

		TechnologyStatus(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese label
		 */
		public String label() {
			return this.label;
		}

	}

}
