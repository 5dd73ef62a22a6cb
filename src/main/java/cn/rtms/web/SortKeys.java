package cn.rtms.web;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The sort keys a list accepts, each with its comparator, and the default sort. A sort
 * outside this whitelist is refused with 400 {@code UNKNOWN_SORT_KEY} (never passed on to
 * SQL or reflection). Text keys compare in Chinese collation (pinyin order), nulls last
 * in both directions.
 *
 * @param <T> the row type
 */
public final class SortKeys<T> {

	private final Map<String, Comparator<T>> keys;

	private final Sort defaultSort;

	private SortKeys(Map<String, Comparator<T>> keys, Sort defaultSort) {
		this.keys = keys;
		this.defaultSort = defaultSort;
	}

	/**
	 * @param <T> the row type
	 * @return a builder
	 */
	public static <T> Builder<T> builder() {
		return new Builder<>();
	}

	/**
	 * @param sort {@code key}, {@code key,asc} or {@code key,desc}, or null for the
	 * default
	 * @return the parsed sort
	 * @throws ProblemException 400 {@code UNKNOWN_SORT_KEY} for a key or direction not
	 * offered
	 */
	public Sort parse(@Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return this.defaultSort;
		}
		String[] parts = sort.strip().split(",", -1);
		String key = parts[0].strip();
		String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
		if (parts.length > 2 || !this.keys.containsKey(key) || !(direction.equals("asc") || direction.equals("desc"))) {
			throw unknown(sort);
		}
		return new Sort(key, direction.equals("desc"));
	}

	/**
	 * @return the accepted keys, in declaration order
	 */
	public List<String> names() {
		return List.copyOf(this.keys.keySet());
	}

	/**
	 * Sorts and cuts one page out of rows already restricted to the caller's scope and
	 * the list's filters.
	 * @param rows all matching rows
	 * @param query page, size and sort
	 * @return the page
	 */
	public ListPage<T> page(List<T> rows, ListQuery query) {
		List<T> sorted = sort(rows, query.sort());
		int from = (int) Math.min(query.offset(), sorted.size());
		int to = (int) Math.min((long) from + query.size(), sorted.size());
		return new ListPage<>(sorted.subList(from, to), sorted.size(), query.page(), query.size(),
				parse(query.sort()).toString());
	}

	/**
	 * @param rows rows
	 * @param sort requested sort or null
	 * @return the rows sorted (stable)
	 */
	public List<T> sort(List<T> rows, @Nullable String sort) {
		Sort parsed = parse(sort);
		Comparator<T> comparator = this.keys.get(parsed.key());
		List<T> sorted = new ArrayList<>(rows);
		sorted.sort(parsed.descending() ? comparator.reversed() : comparator);
		return sorted;
	}

	private ProblemException unknown(String sort) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "UNKNOWN_SORT_KEY", "不支持的排序方式",
				"不支持按“" + sort + "”排序；可用的排序字段：" + String.join("、", this.keys.keySet()) + "，方向 asc 或 desc",
				List.of(new ProblemException.FieldProblem("sort", "不支持的排序字段或方向")));
	}

	/**
	 * A parsed sort.
	 *
	 * @param key the sort key
	 * @param descending whether descending
	 */
	public record Sort(String key, boolean descending) {

		@Override
		public String toString() {
			return this.key + (this.descending ? ",desc" : ",asc");
		}

	}

	/**
	 * Declares the keys of a list.
	 *
	 * @param <T> the row type
	 */
	public static final class Builder<T> {

		private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

		private final Map<String, Comparator<T>> keys = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * A text key, compared in Chinese collation; nulls last.
		 * @param name key name
		 * @param value the text of a row
		 * @return this builder
		 */
		public Builder<T> text(String name, Function<T, @Nullable String> value) {
			Comparator<@Nullable String> collated = (a, b) -> {
				if (a == null || b == null) {
					return (a == null) ? ((b == null) ? 0 : 1) : -1;
				}
				return CHINESE.compare(a, b);
			};
			this.keys.put(name, (x, y) -> collated.compare(value.apply(x), value.apply(y)));
			return this;
		}

		/**
		 * A key with a natural order (dates, numbers, enums); nulls last in ascending
		 * order.
		 * @param <U> the value type
		 * @param name key name
		 * @param value the value of a row
		 * @return this builder
		 */
		public <U extends Comparable<? super U>> Builder<T> natural(String name, Function<T, @Nullable U> value) {
			this.keys.put(name, Comparator.comparing(value, Comparator.nullsLast(Comparator.naturalOrder())));
			return this;
		}

		/**
		 * @param sort the default sort, {@code key,asc} or {@code key,desc}
		 * @return the keys
		 */
		public SortKeys<T> defaultSort(String sort) {
			Map<String, Comparator<T>> copy = new LinkedHashMap<>(this.keys);
			String[] parts = sort.split(",");
			if (!copy.containsKey(parts[0])) {
				throw new IllegalStateException("default sort key not declared: " + sort);
			}
			return new SortKeys<>(copy, new Sort(parts[0], parts.length > 1 && parts[1].equals("desc")));
		}

	}

}
