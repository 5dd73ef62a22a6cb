package cn.rtms.cases.imports;

import java.nio.charset.StandardCharsets;

/**
 * Which row of the file first held a case identity (病案号 + operation date): an
 * open-addressing table of 64-bit hashes to row numbers, about 24 bytes per row, so
 * duplicate rows within a file of a million rows are found with a few tens of MB.
 */
final class RowIndex {

	private long[] keys = new long[1 << 12];

	private int[] rows = new int[1 << 12];

	private int size;

	/**
	 * @param identity the case identity of a row
	 * @param row its row number
	 * @return the row that held the same identity first, or 0 when none did (then
	 * {@code row} is remembered)
	 */
	int putIfAbsent(String identity, int row) {
		long hash = hash(identity);
		if (this.size * 2 >= this.keys.length) {
			grow();
		}
		int mask = this.keys.length - 1;
		for (int i = (int) (hash ^ (hash >>> 32)) & mask;; i = (i + 1) & mask) {
			if (this.rows[i] == 0) {
				this.keys[i] = hash;
				this.rows[i] = row;
				this.size++;
				return 0;
			}
			if (this.keys[i] == hash) {
				return this.rows[i];
			}
		}
	}

	private void grow() {
		long[] oldKeys = this.keys;
		int[] oldRows = this.rows;
		this.keys = new long[oldKeys.length * 2];
		this.rows = new int[oldRows.length * 2];
		int mask = this.keys.length - 1;
		for (int j = 0; j < oldKeys.length; j++) {
			if (oldRows[j] != 0) {
				long hash = oldKeys[j];
				int i = (int) (hash ^ (hash >>> 32)) & mask;
				while (this.rows[i] != 0) {
					i = (i + 1) & mask;
				}
				this.keys[i] = hash;
				this.rows[i] = oldRows[j];
			}
		}
	}

	/** 64-bit FNV-1a over UTF-8, then mixed (SplitMix64 finaliser). */
	static long hash(String text) {
		long h = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			h ^= b & 0xff;
			h *= 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		return h ^ (h >>> 33);
	}

	int size() {
		return this.size;
	}

}
