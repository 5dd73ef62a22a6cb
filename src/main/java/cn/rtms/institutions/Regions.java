package cn.rtms.institutions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Administrative regions, loaded from {@code reference/regions.csv} (GB/T 2260) into an
 * empty table.
 */
@Repository
class Regions {

	static final String SOURCE = "reference/regions.csv";

	private final JdbcClient jdbc;

	private volatile @Nullable Map<String, RegionRow> cache;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record RegionRow(String code, String name, String level, @Nullable String parentCode, boolean directAdmin,
			@Nullable String note) {
	}

	int loadIfEmpty() throws IOException {
		if (this.jdbc.sql("select count(*) from institutions.region").query(Long.class).single() > 0) {
			return 0;
		}
		List<RegionRow> rows = read();
		for (RegionRow r : rows) {
			this.jdbc
				.sql("insert into institutions.region (code, name, level, parent_code, direct_admin, note) "
						+ "values (?, ?, ?, ?, ?, ?)")
				.params(r.code(), r.name(), r.level(), r.parentCode(), r.directAdmin(), r.note())
				.update();
		}
		this.cache = null;
		return rows.size();
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
				if (f.length < 5 || !f[0].matches("\\d{6}")) {
					throw new IOException(SOURCE + " 第 " + number + " 行格式不正确：" + line);
				}
				rows.add(new RegionRow(f[0], f[1], f[2], f[3].isBlank() ? null : f[3], Boolean.parseBoolean(f[4]),
						f.length > 5 && !f[5].isBlank() ? f[5] : null));
			}
		}
		return rows;
	}

	Map<String, RegionRow> all() {
		Map<String, RegionRow> current = this.cache;
		if (current == null) {
			Map<String, RegionRow> loaded = new LinkedHashMap<>();
			this.jdbc
				.sql("select code, name, level, parent_code, direct_admin, note from institutions.region order by code")
				.query((rs, n) -> new RegionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getBoolean(5), rs.getString(6)))
				.list()
				.forEach(r -> loaded.put(r.code(), r));
			current = Map.copyOf(loaded);
			this.cache = current;
		}
		return current;
	}

}
