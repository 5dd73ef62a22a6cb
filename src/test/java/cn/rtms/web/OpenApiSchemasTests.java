package cn.rtms.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiSchemasTests {

	record Line(String name, @Nullable String note, Part part, @Nullable Part spare) {
	}

	record Part(String code) {
	}

	@Test
	void sameSimpleNamesGetTheirEnclosingClassOrPackageAndOthersKeepTheSimpleName() {
		Map<String, String> names = OpenApiSchemas.shortNames(Set.of(
				"cn.rtms.institutions.InstitutionDetails.CaseVolume", "cn.rtms.personnel.PersonDetails.CaseVolume",
				"cn.rtms.rules.engine.facts.CaseVolume", "cn.rtms.filing.FilingView", "Problem"));

		assertThat(names)
			.containsEntry("cn.rtms.institutions.InstitutionDetails.CaseVolume", "InstitutionDetailsCaseVolume")
			.containsEntry("cn.rtms.personnel.PersonDetails.CaseVolume", "PersonDetailsCaseVolume")
			.containsEntry("cn.rtms.rules.engine.facts.CaseVolume", "FactsCaseVolume")
			.containsEntry("cn.rtms.filing.FilingView", "FilingView")
			.containsEntry("Problem", "Problem");
	}

	@Test
	void namesAGenericPageAfterItsPartsWithoutLengtheningItsArgument() {
		Map<String, String> names = OpenApiSchemas
			.shortNames(Set.of("cn.rtms.filing.FilingSummary", "cn.rtms.web.ListPageCn.rtms.filing.FilingSummary",
					"cn.rtms.institutions.InstitutionDetails.CaseVolume",
					"cn.rtms.web.ListPageCn.rtms.institutions.InstitutionDetails.CaseVolume",
					"cn.rtms.personnel.PersonDetails.CaseVolume"));

		assertThat(names).containsEntry("cn.rtms.filing.FilingSummary", "FilingSummary")
			.containsEntry("cn.rtms.web.ListPageCn.rtms.filing.FilingSummary", "ListPageFilingSummary")
			.containsEntry("cn.rtms.institutions.InstitutionDetails.CaseVolume", "InstitutionDetailsCaseVolume")
			.containsEntry("cn.rtms.web.ListPageCn.rtms.institutions.InstitutionDetails.CaseVolume",
					"ListPageInstitutionDetailsCaseVolume");
		assertThat(OpenApiSchemas.generic("cn.rtms.institutions.InstitutionDetails.CaseVolume")).isNull();
	}

	@Test
	void classOfResolvesNestedClassesFromDottedNames() {
		assertThat(OpenApiSchemas.classOf(Line.class.getName().replace('$', '.'))).isEqualTo(Line.class);
		assertThat(OpenApiSchemas.classOf("Problem")).isNull();
		assertThat(OpenApiSchemas.classOf("cn.rtms.NoSuchThing")).isNull();
	}

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void componentsWithoutNullableAreRequiredNullableOnesOptionalAndNullAndRefsFollowTheNewNames() {
		String line = Line.class.getName().replace('$', '.');
		String part = Part.class.getName().replace('$', '.');
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("name", new Schema(SpecVersion.V31).typesItem("string"));
		properties.put("note", new Schema(SpecVersion.V31).typesItem("string"));
		properties.put("part", new Schema(SpecVersion.V31).$ref("#/components/schemas/" + part));
		properties.put("spare", new Schema(SpecVersion.V31).$ref("#/components/schemas/" + part));
		Schema lineSchema = new Schema(SpecVersion.V31).typesItem("object");
		lineSchema.setProperties(properties);
		Map<String, Schema> schemas = new LinkedHashMap<>();
		schemas.put(line, lineSchema);
		schemas.put(part, new Schema(SpecVersion.V31).typesItem("object")
			.properties(Map.of("code", new Schema(SpecVersion.V31).typesItem("string"))));
		OpenAPI openApi = new OpenAPI().components(new Components().schemas(schemas));

		new OpenApiSchemas().customise(openApi);

		Map<String, Schema> result = openApi.getComponents().getSchemas();
		assertThat(result).containsOnlyKeys("Line", "Part");
		Schema<?> out = result.get("Line");
		assertThat(out.getRequired()).containsExactly("name", "part");
		assertThat(out.getProperties().get("name").getTypes()).containsExactly("string");
		assertThat(out.getProperties().get("note").getTypes()).containsExactlyInAnyOrder("string", "null");
		assertThat(out.getProperties().get("part").get$ref()).isEqualTo("#/components/schemas/Part");
		List<Schema> spare = out.getProperties().get("spare").getAnyOf();
		assertThat(spare).hasSize(2);
		assertThat(spare.get(0).get$ref()).isEqualTo("#/components/schemas/Part");
		assertThat(spare.get(1).getTypes()).containsExactly("null");
		assertThat(result.get("Part").getRequired()).containsExactly("code");
	}

}
