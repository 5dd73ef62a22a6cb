package cn.rtms.cases.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provincial export as JSON ({@code case-export/case-export.schema.json}): an
 * envelope naming the schema, the period and the institution, then the cases one by one
 * as they are read, then their count.
 */
final class ProvincialJsonWriter implements CaseExportWriter {

	/** The value of the document's {@code schema} member. */
	static final String SCHEMA = "https://rtms.cn/schemas/case-export/1.1";

	/** The version of the schema. */
	static final String SCHEMA_VERSION = "1.1";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final JsonGenerator out;

	private int count;

	ProvincialJsonWriter(OutputStream stream, ExportedInstitution institution, LocalDate from, LocalDate to,
			Instant generatedAt) {
		this.out = MAPPER.createGenerator(stream);
		this.out.writeStartObject();
		this.out.writeStringProperty("schema", SCHEMA);
		this.out.writeStringProperty("schemaVersion", SCHEMA_VERSION);
		this.out.writeStringProperty("generatedAt", generatedAt.toString());
		this.out.writeName("period");
		this.out.writeStartObject();
		this.out.writeStringProperty("from", from.toString());
		this.out.writeStringProperty("to", to.toString());
		this.out.writeEndObject();
		this.out.writePOJOProperty("institution", institution);
		this.out.writeName("cases");
		this.out.writeStartArray();
	}

	@Override
	public void add(ExportedCase exported) throws IOException {
		this.out.writePOJO(exported);
		this.count++;
	}

	@Override
	public void finish() throws IOException {
		this.out.writeEndArray();
		this.out.writeNumberProperty("caseCount", this.count);
		this.out.writeEndObject();
		this.out.flush();
	}

}
