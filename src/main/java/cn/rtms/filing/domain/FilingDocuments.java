package cn.rtms.filing.domain;

import java.util.Optional;
import java.util.UUID;

import cn.rtms.filing.domain.Filing.DocumentRef;

/** Evidence file contents, stored beside the filing in the caller's transaction. */
public interface FilingDocuments {

	/**
	 * @param filingId the filing the file belongs to
	 * @param document its metadata
	 * @param content its bytes
	 */
	void store(UUID filingId, DocumentRef document, byte[] content);

	/**
	 * @param filingId the filing
	 * @param documentId the document
	 * @return the bytes, when the document belongs to that filing
	 */
	Optional<byte[]> content(UUID filingId, UUID documentId);

}
