package cn.rtms.cases.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows in the text format of PostgreSQL's {@code COPY … FROM STDIN}: columns separated by
 * a tab, rows ended by a newline, {@code \N} for null, and a backslash, tab, newline or
 * carriage return inside a value escaped with a backslash. Values are written as
 * PostgreSQL reads them back: a UUID, number or date as text, a boolean as {@code t} /
 * {@code f}, a timestamp with offset in ISO-8601 to the microsecond (the column's
 * precision), bytes as {@code bytea} hex ({@code \\x…}). Anything else (JSON documents,
 * codes, names) is text.
 *
 * <p>
 * {@link #copyNew} loads rows that are new as a rule (an import's cases, their follow-up
 * points) with COPY, PostgreSQL's bulk path, and leaves the exception to the caller: when
 * a unique index refuses a row, nothing of the COPY stays and the caller writes the rows
 * with {@code INSERT … ON CONFLICT}. The decision is the unique index's own, never a
 * look-up whose plan depends on statistics.
 */
public final class CopyText {

	private static final HexFormat HEX = HexFormat.of();

	private CopyText() {
	}

	/**
	 * Appends one row.
	 * @param out where the text goes
	 * @param values the columns in the order of the COPY's column list
	 * @throws IllegalArgumentException for a value of a type this format does not write
	 */
	public static void row(StringBuilder out, @Nullable Object[] values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			value(out, values[i]);
		}
		out.append('\n');
	}

	private static final String UNIQUE_VIOLATION = "23505";

	/**
	 * COPYs rows in a savepoint of the caller's transaction.
	 * @param template the JDBC template of the transaction
	 * @param copy the statement, {@code copy <table> (<columns>) from stdin}
	 * @param rows the rows, as {@link #row} wrote them
	 * @return true when all were loaded; false when a unique index refused one (rolled
	 * back to the savepoint: nothing of them stays) or when there is no transaction (a
	 * COPY could not be undone alone)
	 * @throws org.springframework.dao.DataAccessException for any other failure
	 */
	public static boolean copyNew(JdbcTemplate template, String copy, CharSequence rows) {
		DataSource dataSource = Objects.requireNonNull(template.getDataSource());
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			if (connection.getAutoCommit()) {
				return false;
			}
			Savepoint savepoint = connection.setSavepoint();
			try {
				connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(rows.toString()));
				connection.releaseSavepoint(savepoint);
				return true;
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				connection.rollback(savepoint);
				return false;
			}
		}
		catch (SQLException ex) {
			throw Objects.requireNonNull(template.getExceptionTranslator().translate(copy, null, ex));
		}
		catch (IOException ex) {
			throw new IllegalStateException("COPY 失败：" + copy, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static void value(StringBuilder out, @Nullable Object value) {
		switch (value) {
			case null -> out.append("\\N");
			case String text -> escaped(out, text);
			case UUID uuid -> out.append(uuid);
			case Integer number -> out.append(number.intValue());
			case Long number -> out.append(number.longValue());
			case Boolean flag -> out.append(flag ? 't' : 'f');
			case LocalDate date -> out.append(date);
			case OffsetDateTime time -> out.append(time.truncatedTo(ChronoUnit.MICROS));
			case byte[] bytes -> out.append("\\\\x").append(HEX.formatHex(bytes));
			default -> throw new IllegalArgumentException("COPY 文本格式不支持 " + value.getClass().getName());
		}
	}

	private static void escaped(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
	}

}
