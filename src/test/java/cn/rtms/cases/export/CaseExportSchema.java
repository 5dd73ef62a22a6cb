package cn.rtms.cases.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The provincial export's JSON Schema ({@code case-export/case-export.schema.json} on the
 * class path) for the tests: validates an export and lists the errors.
 */
final class CaseExportSchema {

	private static final Schema SCHEMA = load();

	private CaseExportSchema() {
	}

	/**
	 * @param document an exported JSON document
	 * @return the schema errors as "path: message", empty when it is valid
	 */
	static List<String> errors(JsonNode document) {
		return SCHEMA.validate(document).stream().map(CaseExportSchema::text).toList();
	}

	private static String text(Error error) {
		return error.getInstanceLocation() + ": " + error.getMessage();
	}

	private static Schema load() {
		try (InputStream in = CaseExportSchema.class.getResourceAsStream("/case-export/case-export.schema.json")) {
			if (in == null) {
				throw new IllegalStateException("case-export/case-export.schema.json is not on the class path");
			}
			JsonNode tree = CaseExportFixtures.JSON.readTree(in);
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(tree);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
