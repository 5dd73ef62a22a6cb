package cn.rtms.filing.persistence;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.filing.domain.Filing.DocumentRef;
import cn.rtms.filing.domain.FilingDocuments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link FilingDocuments} as PostgreSQL bytea rows. */
@Repository
class JdbcFilingDocuments implements FilingDocuments {

	private final JdbcClient jdbc;

	JdbcFilingDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void store(UUID filingId, DocumentRef document, byte[] content) {
		this.jdbc.sql("""
				insert into filing.document (id, filing_id, file_name, content_type, size, sha256, content, uploaded_at)
				values (:id, :filing, :name, :type, :size, :sha, :content, :at)""")
			.param("id", document.id())
			.param("filing", filingId)
			.param("name", document.fileName())
			.param("type", document.contentType())
			.param("size", document.size())
			.param("sha", document.sha256())
			.param("content", content)
			.param("at", Timestamp.from(document.uploadedAt()))
			.update();
	}

	@Override
	public Optional<byte[]> content(UUID filingId, UUID documentId) {
		return this.jdbc.sql("select content from filing.document where id = :id and filing_id = :filing")
			.param("id", documentId)
			.param("filing", filingId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

}
