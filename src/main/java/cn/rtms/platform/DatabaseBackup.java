package cn.rtms.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Backup and restore of the platform's database, embedded or external
 * ({@code ./rtms backup}, {@code ./rtms restore FILE}). A backup is one zip file: every
 * table of the application's schemas in PostgreSQL's binary {@code COPY} format, read in
 * one repeatable-read snapshot, with a manifest naming the schema version (the newest
 * Flyway migration applied), the tables' columns and the sequences' values. A restore
 * drops the application's schemas, re-creates them with the platform's own migrations up
 * to the backup's version, loads every table (parents before children) and sets the
 * sequences; the next start migrates on from there. {@code pg_dump} is not used: the
 * embedded PostgreSQL 18 ships without it and Debian 12's {@code pg_dump} 15 refuses a
 * newer server (docs/adr/0010-durable-embedded-database-and-backups.md).
 */
@Component
public class DatabaseBackup {

	/** Version of the file format, in the manifest. */
	static final int FORMAT = 1;

	private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

	private static final String MANIFEST = "manifest.json";

	private static final String HISTORY = "flyway_schema_history";

	private final DataSource dataSource;

	private final Flyway flyway;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DatabaseBackup(DataSource dataSource, Flyway flyway, JsonMapper json, Clock clock,
			ApplicationEventPublisher events) {
		this.dataSource = dataSource;
		this.flyway = flyway;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/** One table: qualified name and the columns copied (generated ones left out). */
	record Table(String schema, String name, List<String> columns) {

		String qualified() {
			return quote(this.schema) + "." + quote(this.name);
		}

		String entry() {
			return "data/" + this.schema + "." + this.name + ".copy";
		}

		String columnList() {
			return String.join(", ", this.columns.stream().map(DatabaseBackup::quote).toList());
		}

	}

	/** A sequence's state. */
	record Sequence(String schema, String name, long lastValue, boolean called) {
	}

	/**
	 * What a backup holds.
	 *
	 * @param format file format version
	 * @param createdAt when it was taken
	 * @param schemaVersion the newest migration applied
	 * @param schemas the application's schemas
	 * @param tables tables in load order (parents first)
	 * @param sequences sequences and their values
	 * @param rows rows per table
	 */
	record Manifest(int format, Instant createdAt, String schemaVersion, List<String> schemas, List<Table> tables,
			List<Sequence> sequences, Map<String, Long> rows) {
	}

	/**
	 * Writes a backup (to a temporary file with permissions 0600, renamed into place when
	 * complete: it holds password hashes and personal data).
	 * @param file the backup file
	 * @return what it holds
	 * @throws IOException when it cannot be written
	 */
	public Manifest backup(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.deleteIfExists(partial);
		Files.createFile(partial, java.nio.file.attribute.PosixFilePermissions
			.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set transaction isolation level repeatable read, read only");
			}
			String version = schemaVersion(connection);
			List<String> schemas = schemas(connection);
			List<Table> tables = loadOrder(connection, schemas);
			Map<String, Long> rows = new LinkedHashMap<>();
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
				for (Table table : tables) {
					zip.putNextEntry(new ZipEntry(table.entry()));
					long count = copy.copyOut(
							"copy " + table.qualified() + " (" + table.columnList() + ") to stdout (format binary)",
							new NonClosing(zip));
					zip.closeEntry();
					rows.put(table.schema() + "." + table.name(), count);
				}
				Manifest manifest = new Manifest(FORMAT, Instant.now(this.clock), version, schemas, tables,
						sequences(connection, schemas), rows);
				zip.putNextEntry(new ZipEntry(MANIFEST));
				zip.write(this.json.writeValueAsBytes(manifest));
				zip.closeEntry();
				connection.commit();
				zip.finish();
				Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				log.info("数据库已备份到 {}：{} 张表，{} 行，结构版本 {}", file, tables.size(),
						rows.values().stream().mapToLong(Long::longValue).sum(), version);
				return manifest;
			}
		}
		catch (SQLException ex) {
			throw new IOException("备份失败：" + ex.getMessage(), ex);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/**
	 * Replaces the whole database with a backup. Stop every node first.
	 * @param file a file written by {@link #backup}
	 * @return what was restored
	 * @throws IOException when the file is not a backup, comes from a newer version, or
	 * cannot be loaded (the database is then left as far as it got: restore again)
	 */
	public Manifest restore(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Manifest manifest = manifest(zip, file);
			MigrationVersion target = MigrationVersion.fromVersion(manifest.schemaVersion());
			// nothing is dropped before the whole file has been read and found sound
			verify(zip, manifest);
			// nor while another node still works on the database it would pull away
			List<String> others = otherNodes();
			if (!others.isEmpty()) {
				throw new IOException("数据库仍被其他 RTMS 节点连接（" + String.join("；", others) + "）：请先停止所有节点再恢复；数据库未作任何改动");
			}
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				for (String schema : schemas(connection)) {
					statement.execute("drop schema " + quote(schema) + " cascade");
				}
			}
			Flyway.configure(getClass().getClassLoader())
				.configuration(this.flyway.getConfiguration())
				.target(target)
				.load()
				.migrate();
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					List<String> truncate = manifest.tables().stream().map(Table::qualified).toList();
					if (!truncate.isEmpty()) {
						statement.execute("truncate " + String.join(", ", truncate) + " cascade");
					}
				}
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				for (Table table : manifest.tables()) {
					ZipEntry entry = zip.getEntry(table.entry());
					if (entry == null) {
						throw new IOException("备份文件缺少表 " + table.qualified() + " 的数据");
					}
					try (InputStream in = zip.getInputStream(entry)) {
						copy.copyIn("copy " + table.qualified() + " (" + table.columnList()
								+ ") from stdin (format binary)", in);
					}
				}
				try (PreparedStatement setval = connection.prepareStatement("select setval(?, ?, ?)")) {
					for (Sequence sequence : manifest.sequences()) {
						setval.setString(1, quote(sequence.schema()) + "." + quote(sequence.name()));
						setval.setLong(2, sequence.lastValue());
						setval.setBoolean(3, sequence.called());
						setval.execute();
					}
				}
				connection.commit();
			}
			log.info("已从 {} 恢复数据库（备份时间 {}，结构版本 {}）", file, manifest.createdAt(), manifest.schemaVersion());
			this.events.publishEvent(new DatabaseRestored(file.toAbsolutePath().toString(), manifest.createdAt()));
			return manifest;
		}
		catch (SQLException ex) {
			throw new IOException("恢复失败：" + ex.getMessage(), ex);
		}
	}

	/**
	 * Other RTMS processes connected to this database now: connections named by
	 * {@link DatabaseApplicationName} other than this process's, grouped by node and
	 * client address.
	 * @return e.g. {@code "rtms 4242-1a2b3c4d @ 10.0.0.5（3 个连接）"}; empty when none
	 * @throws IOException when the database cannot be asked
	 */
	public List<String> otherNodes() throws IOException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement("""
						select application_name, coalesce(host(client_addr), '本机套接字') as client, count(*)
						from pg_stat_activity
						where datname = current_database() and application_name like ? and application_name <> ?
						group by 1, 2 order by 1, 2
						""")) {
			query.setString(1, DatabaseApplicationName.PREFIX + "%");
			query.setString(2, DatabaseApplicationName.THIS_NODE);
			List<String> nodes = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					nodes.add(rows.getString(1) + " @ " + rows.getString(2) + "（" + rows.getLong(3) + " 个连接）");
				}
			}
			return nodes;
		}
		catch (SQLException ex) {
			throw new IOException("无法查询数据库连接：" + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads a backup's manifest and every table's data, as {@link #restore} does before
	 * it drops anything, without touching the database.
	 * @param file a file written by {@link #backup}
	 * @return what it holds
	 * @throws IOException when it is not a sound backup this version can restore
	 */
	public Manifest check(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Manifest manifest = manifest(zip, file);
			verify(zip, manifest);
			return manifest;
		}
	}

	private Manifest manifest(ZipFile zip, Path file) throws IOException {
		ZipEntry manifestEntry = zip.getEntry(MANIFEST);
		if (manifestEntry == null) {
			throw new IOException(file + " 不是 RTMS 备份文件（缺少 " + MANIFEST + "）");
		}
		Manifest manifest;
		try (InputStream in = zip.getInputStream(manifestEntry)) {
			manifest = this.json.readValue(in, Manifest.class);
		}
		if (manifest.format() != FORMAT) {
			throw new IOException("不支持的备份格式版本 " + manifest.format());
		}
		MigrationVersion target = MigrationVersion.fromVersion(manifest.schemaVersion());
		boolean known = java.util.Arrays.stream(this.flyway.info().all()).anyMatch(m -> target.equals(m.getVersion()));
		if (!known) {
			throw new IOException("备份的结构版本 " + manifest.schemaVersion() + " 不在本程序的迁移脚本中：请用生成该备份的版本或更新的版本恢复");
		}
		return manifest;
	}

	/**
	 * Reads every table's data to its end and compares its CRC-32 with the archive's
	 * directory: a truncated or damaged file is refused while the database is still as it
	 * was.
	 */
	private static void verify(ZipFile zip, Manifest manifest) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		for (Table table : manifest.tables()) {
			ZipEntry entry = zip.getEntry(table.entry());
			if (entry == null) {
				throw new IOException("备份文件缺少表 " + table.qualified() + " 的数据；数据库未作任何改动");
			}
			java.util.zip.CRC32 crc = new java.util.zip.CRC32();
			// PostgreSQL's binary COPY ends with the 16-bit trailer -1: a cut-off file
			// does not
			int last = -1;
			int beforeLast = -1;
			long size = 0;
			try (InputStream in = zip.getInputStream(entry)) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					crc.update(buffer, 0, n);
					if (n >= 2) {
						beforeLast = buffer[n - 2] & 0xFF;
						last = buffer[n - 1] & 0xFF;
					}
					else if (n == 1) {
						beforeLast = last;
						last = buffer[0] & 0xFF;
					}
					size += n;
				}
			}
			catch (IOException ex) {
				throw new IOException("备份文件中表 " + table.qualified() + " 的数据无法读取（" + ex.getMessage() + "）；数据库未作任何改动",
						ex);
			}
			if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
				throw new IOException("备份文件中表 " + table.qualified() + " 的数据已损坏（校验和不符）；数据库未作任何改动");
			}
			if (size > 0 && (beforeLast != 0xFF || last != 0xFF)) {
				throw new IOException("备份文件中表 " + table.qualified() + " 的数据不完整（已损坏或被截断）；数据库未作任何改动");
			}
		}
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		String history = null;
		try (PreparedStatement find = connection.prepareStatement(
				"select quote_ident(table_schema) from information_schema.tables where table_name = ? limit 1")) {
			find.setString(1, HISTORY);
			try (ResultSet rs = find.executeQuery()) {
				if (rs.next()) {
					history = rs.getString(1);
				}
			}
		}
		if (history == null) {
			throw new SQLException("数据库中没有 Flyway 迁移记录");
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select version from " + history + "." + HISTORY
						+ " where success and version is not null order by installed_rank desc limit 1")) {
			if (!rs.next()) {
				throw new SQLException("数据库中没有已应用的迁移");
			}
			return rs.getString(1);
		}
	}

	private static List<String> schemas(Connection connection) throws SQLException {
		List<String> schemas = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select nspname from pg_namespace
				where nspname not like 'pg\\_%' and nspname not in ('information_schema', 'public')
				order by nspname
				""")) {
			while (rs.next()) {
				schemas.add(rs.getString(1));
			}
		}
		return schemas;
	}

	/** The tables of the schemas, each after the tables it references. */
	private static List<Table> loadOrder(Connection connection, List<String> schemas) throws SQLException {
		Map<String, Table> tables = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select c.table_schema, c.table_name, c.column_name
				from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where t.table_type = 'BASE TABLE' and c.table_schema = any (?) and c.table_name <> ?
				  and c.is_generated = 'NEVER'
				order by c.table_schema, c.table_name, c.ordinal_position
				""")) {
			statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
			statement.setString(2, HISTORY);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String key = rs.getString(1) + "." + rs.getString(2);
					tables.computeIfAbsent(key, k -> {
						try {
							return new Table(rs.getString(1), rs.getString(2), new ArrayList<>());
						}
						catch (SQLException ex) {
							throw new IllegalStateException(ex);
						}
					}).columns().add(rs.getString(3));
				}
			}
		}
		Map<String, Set<String>> parents = new LinkedHashMap<>();
		tables.keySet().forEach(k -> parents.put(k, new LinkedHashSet<>()));
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select cn.nspname || '.' || c.relname, pn.nspname || '.' || p.relname
				from pg_constraint f
				join pg_class c on c.oid = f.conrelid join pg_namespace cn on cn.oid = c.relnamespace
				join pg_class p on p.oid = f.confrelid join pg_namespace pn on pn.oid = p.relnamespace
				where f.contype = 'f'
				""")) {
			while (rs.next()) {
				String child = rs.getString(1);
				String parent = rs.getString(2);
				if (parents.containsKey(child) && tables.containsKey(parent) && !child.equals(parent)) {
					parents.get(child).add(parent);
				}
			}
		}
		List<Table> ordered = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		Deque<String> pending = new ArrayDeque<>(tables.keySet());
		int stalled = 0;
		while (!pending.isEmpty()) {
			String next = pending.removeFirst();
			if (placed.containsAll(parents.get(next)) || stalled > pending.size()) {
				ordered.add(tables.get(next));
				placed.add(next);
				stalled = 0;
			}
			else {
				pending.addLast(next);
				stalled++;
			}
		}
		return ordered;
	}

	private static List<Sequence> sequences(Connection connection, List<String> schemas) throws SQLException {
		List<Sequence> sequences = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"select schemaname, sequencename from pg_sequences where schemaname = any (?) order by 1, 2")) {
			statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String schema = rs.getString(1);
					String name = rs.getString(2);
					try (Statement read = connection.createStatement();
							ResultSet value = read.executeQuery(
									"select last_value, is_called from " + quote(schema) + "." + quote(name))) {
						value.next();
						sequences.add(new Sequence(schema, name, value.getLong(1), value.getBoolean(2)));
					}
				}
			}
		}
		return sequences;
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** Lets {@code copyOut} write into a zip entry without closing the zip. */
	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			try {
				this.out.write(b, off, len);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			// the zip entry is closed by the caller
		}

	}

}
