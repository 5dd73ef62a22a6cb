package cn.rtms.institutions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Administrative regions, loaded from {@code reference/regions.csv} (GB/T 2260, all of
 * China at province, city and county level, plus a province's own codes) whose edition is
 * named in {@code reference/regions-edition.properties}. Loading inserts the codes the
 * table lacks and never changes or deletes a row already there (data references regions
 * by code); each edition loaded is recorded in {@code institutions.region_edition}. See
 * docs/regions.md.
 */
@Repository
class Regions {

	static final String SOURCE = "reference/regions.csv";

	static final String EDITION = "reference/regions-edition.properties";

	private static final List<String> LEVELS = List.of("PROVINCE", "CITY", "COUNTY");

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private volatile @Nullable Map<String, RegionRow> cache;

	Regions(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	record RegionRow(String code, String name, String level, @Nullable String parentCode, boolean directAdmin,
			@Nullable String note) {
	}

	/**
	 * What one load did.
	 *
	 * @param edition the edition of the file
	 * @param inserted regions the table lacked and now has
	 * @param differing regions whose row in the table differs from the file (kept as they
	 * are)
	 */
	record LoadResult(String edition, int inserted, int differing) {
	}

	/**
	 * Inserts the file's regions the table lacks, in batches, when this edition has not
	 * been loaded yet.
	 * @param now when, for the edition record
	 * @return what was done, or null when the edition was already loaded
	 */
	@Nullable LoadResult load(Instant now) throws IOException {
		String edition = edition();
		if (this.jdbc.sql("select count(*) from institutions.region_edition where edition = ?")
			.param(edition)
			.query(Long.class)
			.single() > 0) {
			return null;
		}
		List<RegionRow> rows = new ArrayList<>(read());
		rows.sort(Comparator.comparing((RegionRow r) -> LEVELS.indexOf(r.level())).thenComparing(RegionRow::code));
		Map<String, RegionRow> before = current();
		List<RegionRow> missing = rows.stream().filter(r -> !before.containsKey(r.code())).toList();
		int differing = (int) rows.stream()
			.filter(r -> before.containsKey(r.code()) && !before.get(r.code()).equals(r))
			.count();
		this.template
			.batchUpdate("insert into institutions.region (code, name, level, parent_code, direct_admin, note) "
					+ "values (?, ?, ?, ?, ?, ?) on conflict (code) do nothing", missing, 500, (ps, r) -> {
						ps.setString(1, r.code());
						ps.setString(2, r.name());
						ps.setString(3, r.level());
						ps.setObject(4, r.parentCode(), Types.VARCHAR);
						ps.setBoolean(5, r.directAdmin());
						ps.setObject(6, r.note(), Types.VARCHAR);
					});
		int inserted = current().size() - before.size();
		this.jdbc
			.sql("insert into institutions.region_edition (edition, loaded_at, inserted, total) values (?, ?, ?, ?)")
			.params(edition, Timestamp.from(now), inserted, rows.size())
			.update();
		this.cache = null;
		return new LoadResult(edition, inserted, differing);
	}

	/**
	 * @return the edition loaded last, or null before the first load
	 */
	@Nullable String loadedEdition() {
		return this.jdbc.sql("select edition from institutions.region_edition order by loaded_at desc, edition limit 1")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	static String edition() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(EDITION).getInputStream();
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		String edition = properties.getProperty("edition");
		if (edition == null || edition.isBlank()) {
			throw new IOException(EDITION + " 缺少 edition");
		}
		return edition.strip();
	}

	static List<RegionRow> read() throws IOException {
		List<RegionRow> rows = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(SOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			String header = in.readLine();
			if (header == null || !header.startsWith("code,name,level,parent_code,direct_admin")) {
				throw new IOException(SOURCE + " 第 1 行表头不正确：" + header);
			}
			String line;
			int number = 1;
			while ((line = in.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				String[] f = line.split(",", -1);
				if (f.length < 5 || !f[0].matches("\\d{6}") || !LEVELS.contains(f[2])) {
					throw new IOException(SOURCE + " 第 " + number + " 行格式不正确：" + line);
				}
				rows.add(new RegionRow(f[0], f[1], f[2], f[3].isBlank() ? null : f[3], Boolean.parseBoolean(f[4]),
						f.length > 5 && !f[5].isBlank() ? f[5] : null));
			}
		}
		return rows;
	}

	private Map<String, RegionRow> current() {
		Map<String, RegionRow> loaded = new LinkedHashMap<>();
		this.jdbc
			.sql("select code, name, level, parent_code, direct_admin, note from institutions.region order by code")
			.query((rs, n) -> new RegionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getString(6)))
			.list()
			.forEach(r -> loaded.put(r.code(), r));
		return loaded;
	}

	Map<String, RegionRow> all() {
		Map<String, RegionRow> current = this.cache;
		if (current == null) {
			current = Collections.unmodifiableMap(current());
			this.cache = current;
		}
		return current;
	}

}
