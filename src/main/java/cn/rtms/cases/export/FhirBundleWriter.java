package cn.rtms.cases.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.rtms.cases.export.ExportedCase.Complication;
import cn.rtms.cases.export.ExportedCase.Device;
import cn.rtms.cases.export.ExportedCase.Flag;
import cn.rtms.cases.export.ExportedCase.Performer;
import cn.rtms.cases.export.ExportedCase.ProcedureCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cases of a period as a FHIR R4 Bundle of type {@code collection} (ADR 0018), built
 * with Jackson: the hospital as Organization, each case as a Procedure (secondary
 * procedure codes as further Procedures {@code partOf} it) with its devices as Device,
 * then every patient (de-identified: pseudonym, gender, birth year, death date) and every
 * operator or assistant (Practitioner, identified by 医师执业证书编码) once. Entries are
 * addressed by {@code urn:uuid:} full URLs derived deterministically from RTMS ids, and
 * every reference points inside the bundle. Code systems and identifier systems are
 * documented in {@code docs/case-export.md}.
 */
final class FhirBundleWriter implements CaseExportWriter {

	/** Base of the code and identifier systems RTMS defines. */
	static final String BASE = "https://rtms.cn/fhir/";

	/** ICD-9-CM-3 国家临床版 3.0 (the national clinical edition of the procedure codes). */
	static final String ICD9CM3_CN = BASE + "CodeSystem/icd-9-cm-3-cn-clinical";

	static final String TECHNOLOGY = BASE + "CodeSystem/restricted-technology";

	static final String PERFORMER_FUNCTION = BASE + "CodeSystem/performer-function";

	static final String DISCHARGE_STATUS = BASE + "CodeSystem/discharge-status";

	/**
	 * Complication types of the case forms ({@code complicationTypes}, e.g.
	 * {@code MAJOR_BLEEDING}).
	 */
	static final String COMPLICATION_TYPE = BASE + "CodeSystem/complication-type";

	static final String CASE_ID = BASE + "sid/case";

	static final String INSTITUTION_ID = BASE + "sid/institution";

	static final String INSTITUTION_LICENCE = BASE + "sid/medical-institution-licence";

	static final String PHYSICIAN_LICENCE = BASE + "sid/physician-licence";

	static final String PERSON_ID = BASE + "sid/person";

	static final String PATIENT_PSEUDONYM = BASE + "sid/patient-pseudonym";

	static final String DEVICE_BARCODE = BASE + "sid/device-barcode";

	static final String MA_ISSUER = BASE + "NamingSystem/ma-code";

	static final String GS1_ISSUER = "http://hl7.org/fhir/NamingSystem/gs1-di";

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final JsonGenerator out;

	private final String organization;

	private final Map<String, ObjectNode> patients = new LinkedHashMap<>();

	private final Map<UUID, Performer> practitioners = new LinkedHashMap<>();

	private int count;

	FhirBundleWriter(OutputStream stream, ExportedInstitution institution, LocalDate from, LocalDate to,
			Instant generatedAt) {
		this.out = MAPPER.createGenerator(stream);
		this.organization = urn(institution.id());
		UUID bundleId = uuid("bundle", institution.id().toString(), from.toString(), to.toString(),
				generatedAt.toString());
		this.out.writeStartObject();
		this.out.writeStringProperty("resourceType", "Bundle");
		this.out.writeStringProperty("id", bundleId.toString());
		ObjectNode identifier = MAPPER.createObjectNode();
		identifier.put("system", BASE + "sid/case-export");
		identifier.put("value", bundleId.toString());
		this.out.writePOJOProperty("identifier", identifier);
		this.out.writeStringProperty("type", "collection");
		this.out.writeStringProperty("timestamp", generatedAt.toString());
		this.out.writeName("entry");
		this.out.writeStartArray();
		entry(this.organization, organization(institution));
	}

	@Override
	public void add(ExportedCase c) {
		String patient = patient(c);
		String procedure = urn(c.caseId());
		ObjectNode main = procedure(c, patient, c.procedureCodes().isEmpty() ? null : c.procedureCodes().get(0));
		ArrayNode used = MAPPER.createArrayNode();
		for (Device device : c.devices()) {
			String url = urn(uuid("device", c.caseId().toString(), Integer.toString(device.position())));
			used.addObject().put("reference", url);
			entry(url, device(device, patient));
		}
		if (!used.isEmpty()) {
			main.set("usedReference", used);
		}
		entry(procedure, main);
		for (int i = 1; i < c.procedureCodes().size(); i++) {
			entry(urn(uuid("procedure", c.caseId().toString(), Integer.toString(i))),
					secondaryProcedure(c, patient, c.procedureCodes().get(i), procedure));
		}
		if (c.operator() != null) {
			this.practitioners.putIfAbsent(c.operator().personId(), c.operator());
		}
		c.assistants().forEach(a -> this.practitioners.putIfAbsent(a.personId(), a));
		this.count++;
	}

	@Override
	public void finish() throws IOException {
		for (Map.Entry<String, ObjectNode> patient : this.patients.entrySet()) {
			entry(urn(uuid("patient", patient.getKey())), patient.getValue());
		}
		for (Performer practitioner : this.practitioners.values()) {
			entry(urn(practitioner.personId()), practitioner(practitioner));
		}
		this.out.writeEndArray();
		this.out.writeEndObject();
		this.out.flush();
	}

	/**
	 * @return how many cases were written
	 */
	int count() {
		return this.count;
	}

	private void entry(String fullUrl, ObjectNode resource) {
		resource.put("id", fullUrl.substring("urn:uuid:".length()));
		ObjectNode entry = MAPPER.createObjectNode();
		entry.put("fullUrl", fullUrl);
		ObjectNode ordered = entry.putObject("resource");
		ordered.put("resourceType", resource.get("resourceType").asString());
		ordered.put("id", resource.get("id").asString());
		ordered.setAll(resource);
		this.out.writePOJO(entry);
	}

	private static ObjectNode organization(ExportedInstitution institution) {
		ObjectNode org = resource("Organization");
		ArrayNode identifiers = org.putArray("identifier");
		identifiers.addObject().put("system", INSTITUTION_ID).put("value", institution.id().toString());
		if (institution.licenceNumber() != null && !institution.licenceNumber().isBlank()) {
			identifiers.addObject().put("system", INSTITUTION_LICENCE).put("value", institution.licenceNumber());
		}
		org.put("active", true);
		org.putArray("type")
			.addObject()
			.putArray("coding")
			.addObject()
			.put("system", "http://terminology.hl7.org/CodeSystem/organization-type")
			.put("code", "prov")
			.put("display", "Healthcare Provider");
		org.put("name", institution.name());
		ObjectNode address = org.putArray("address").addObject();
		address.put("country", "CN");
		if (institution.regionName() != null) {
			address.put("text", institution.regionName());
		}
		address.put("district", institution.regionCode());
		return org;
	}

	private String patient(ExportedCase c) {
		ObjectNode patient = this.patients.computeIfAbsent(c.patient().pseudonym(), pseudonym -> {
			ObjectNode p = resource("Patient");
			p.putObject("meta")
				.putArray("security")
				.addObject()
				.put("system", "http://terminology.hl7.org/CodeSystem/v3-ObservationValue")
				.put("code", "PSEUDED")
				.put("display", "pseudonymized");
			p.putArray("identifier").addObject().put("system", PATIENT_PSEUDONYM).put("value", pseudonym);
			p.put("gender", c.patient().sex() == null ? "unknown" : "M".equals(c.patient().sex()) ? "male" : "female");
			if (c.patient().birthYear() != null) {
				p.put("birthDate", String.format("%04d", c.patient().birthYear()));
			}
			return p;
		});
		if (c.deathDate() != null) {
			patient.put("deceasedDateTime", c.deathDate().toString());
		}
		return urn(uuid("patient", c.patient().pseudonym()));
	}

	private ObjectNode procedure(ExportedCase c, String patient, @Nullable ProcedureCode code) {
		ObjectNode procedure = resource("Procedure");
		procedure.putArray("identifier").addObject().put("system", CASE_ID).put("value", c.caseId().toString());
		procedure.put("status", "completed");
		ObjectNode category = procedure.putObject("category");
		ObjectNode technology = category.putArray("coding").addObject();
		technology.put("system", TECHNOLOGY).put("code", c.technology());
		if (c.technologyName() != null) {
			technology.put("display", c.technologyName());
		}
		category.put("text", categoryText(c));
		ObjectNode concept = procedure.putObject("code");
		if (code != null) {
			code(concept, code);
		}
		else {
			concept.put("text", c.technologyName() != null ? c.technologyName() : c.technology());
		}
		procedure.putObject("subject").put("reference", patient);
		procedure.put("performedDateTime", c.operationDate().toString());
		performers(procedure, c);
		if (c.dischargeStatus() != null) {
			ObjectNode outcome = procedure.putObject("outcome");
			String label = CaseExportCodes.DISCHARGE_STATUS.getOrDefault(c.dischargeStatus(), c.dischargeStatus());
			outcome.putArray("coding")
				.addObject()
				.put("system", DISCHARGE_STATUS)
				.put("code", c.dischargeStatus())
				.put("display", label);
			outcome.put("text", c.deathDate() == null ? label : label + "（死亡日期 " + c.deathDate() + "）");
		}
		else if (c.deathDate() != null) {
			procedure.putObject("outcome").put("text", "死亡（死亡日期 " + c.deathDate() + "）");
		}
		if (!c.complications().isEmpty()) {
			ArrayNode complications = procedure.putArray("complication");
			for (Complication complication : c.complications()) {
				ObjectNode complicationConcept = complications.addObject();
				if (complication.type() != null) {
					ObjectNode coding = complicationConcept.putArray("coding")
						.addObject()
						.put("system", COMPLICATION_TYPE)
						.put("code", complication.type());
					if (complication.typeName() != null) {
						coding.put("display", complication.typeName());
					}
				}
				complicationConcept.put("text", complicationText(complication));
			}
		}
		ArrayNode notes = MAPPER.createArrayNode();
		for (Flag flag : c.flags()) {
			notes.addObject().put("text", "标记 " + flag.code() + "：" + flag.message());
		}
		if (c.informedConsent() != null) {
			notes.addObject().put("text", "知情同意：" + (c.informedConsent() ? "已记录" : "未记录"));
		}
		if (c.amendmentCount() > 0) {
			notes.addObject().put("text", "经审计修正 " + c.amendmentCount() + " 次");
		}
		if (!notes.isEmpty()) {
			procedure.set("note", notes);
		}
		return procedure;
	}

	/**
	 * A further procedure code of the case as a Procedure {@code partOf} the case's own:
	 * only what the code itself states (status, code, subject, date, performers). The
	 * case's technology, outcome, complications and flags stay on the case's Procedure,
	 * so a receiver counting them counts each case once.
	 */
	private ObjectNode secondaryProcedure(ExportedCase c, String patient, ProcedureCode code, String main) {
		ObjectNode procedure = resource("Procedure");
		procedure.putArray("partOf").addObject().put("reference", main);
		procedure.put("status", "completed");
		code(procedure.putObject("code"), code);
		procedure.putObject("subject").put("reference", patient);
		procedure.put("performedDateTime", c.operationDate().toString());
		performers(procedure, c);
		return procedure;
	}

	private static void code(ObjectNode concept, ProcedureCode code) {
		ObjectNode coding = concept.putArray("coding").addObject();
		coding.put("system", ICD9CM3_CN).put("code", code.code());
		if (code.name() != null && !code.name().isBlank()) {
			coding.put("display", code.name());
			concept.put("text", code.name());
		}
		else {
			concept.put("text", code.code());
		}
	}

	private void performers(ObjectNode procedure, ExportedCase c) {
		ArrayNode performers = procedure.putArray("performer");
		if (c.operator() != null) {
			performer(performers, c.operator(), "OPERATOR", "术者");
		}
		for (Performer assistant : c.assistants()) {
			performer(performers, assistant, "ASSISTANT", "助手");
		}
		if (performers.isEmpty()) {
			procedure.remove("performer");
		}
	}

	private void performer(ArrayNode performers, Performer person, String function, String label) {
		ObjectNode performer = performers.addObject();
		performer.putObject("function")
			.putArray("coding")
			.addObject()
			.put("system", PERFORMER_FUNCTION)
			.put("code", function)
			.put("display", label);
		performer.putObject("actor").put("reference", urn(person.personId())).put("display", person.name());
		performer.putObject("onBehalfOf").put("reference", this.organization);
	}

	private ObjectNode device(Device d, String patient) {
		ObjectNode device = resource("Device");
		device.putArray("identifier")
			.addObject()
			.put("system", DEVICE_BARCODE)
			.put("value", CaseExportWriter.printable(d.scanned()));
		if ("GS1".equals(d.barcodeType()) && d.gtin() != null) {
			ObjectNode udi = device.putArray("udiCarrier").addObject();
			udi.put("deviceIdentifier", d.gtin());
			udi.put("issuer", GS1_ISSUER);
			udi.put("carrierHRF", gs1Hri(d));
			udi.put("entryType", "barcode");
		}
		else if ("MA".equals(d.barcodeType())) {
			ObjectNode udi = device.putArray("udiCarrier").addObject();
			udi.put("issuer", MA_ISSUER);
			udi.put("carrierHRF", CaseExportWriter.printable(d.scanned()));
			udi.put("entryType", "barcode");
		}
		if (d.productionDate() != null) {
			device.put("manufactureDate", d.productionDate().toString());
		}
		if (d.expiryDate() != null) {
			device.put("expirationDate", d.expiryDate().toString());
		}
		if (d.lot() != null) {
			device.put("lotNumber", d.lot());
		}
		if (d.serial() != null) {
			device.put("serialNumber", d.serial());
		}
		if (d.name() != null && !d.name().isBlank()) {
			device.putArray("deviceName").addObject().put("name", d.name()).put("type", "user-friendly-name");
		}
		device.putObject("patient").put("reference", patient);
		device.putObject("owner").put("reference", this.organization);
		StringBuilder note = new StringBuilder("数量 ").append(d.quantity())
			.append("；")
			.append(d.singleUse() ? "一次性使用" : "可重复使用");
		if (d.registrationNo() != null && !d.registrationNo().isBlank()) {
			note.append("；注册证编号 ").append(d.registrationNo());
		}
		device.putArray("note").addObject().put("text", note.toString());
		return device;
	}

	private static ObjectNode practitioner(Performer person) {
		ObjectNode practitioner = resource("Practitioner");
		ObjectNode identifier = practitioner.putArray("identifier").addObject();
		if (person.licenceNumber() != null) {
			identifier.put("system", PHYSICIAN_LICENCE).put("value", person.licenceNumber());
		}
		else {
			identifier.put("system", PERSON_ID).put("value", person.personId().toString());
		}
		practitioner.putArray("name").addObject().put("text", person.name());
		return practitioner;
	}

	/**
	 * The GS1 human-readable interpretation rebuilt from the parts read: (01) GTIN, (11)
	 * production date, (17) expiry date, (10) lot, (21) serial.
	 */
	static String gs1Hri(Device d) {
		StringBuilder hri = new StringBuilder("(01)").append(d.gtin());
		if (d.productionDate() != null) {
			hri.append("(11)").append(YYMMDD.format(d.productionDate()));
		}
		if (d.expiryDate() != null) {
			hri.append("(17)").append(YYMMDD.format(d.expiryDate()));
		}
		if (d.lot() != null) {
			hri.append("(10)").append(d.lot());
		}
		if (d.serial() != null) {
			hri.append("(21)").append(d.serial());
		}
		return hri.toString();
	}

	private static String categoryText(ExportedCase c) {
		StringBuilder text = new StringBuilder(c.technologyName() != null ? c.technologyName() : c.technology());
		if (c.subTechnique() != null) {
			text.append("；亚类 ").append(c.subTechnique());
		}
		if (c.route() != null) {
			text.append("；入路 ").append(c.route());
		}
		return text.toString();
	}

	private static String complicationText(Complication complication) {
		StringBuilder text = new StringBuilder(complication.name());
		if (complication.grade() != null) {
			text.append("（Clavien-Dindo ").append(complication.grade()).append(" 级）");
		}
		if (complication.onsetDate() != null) {
			text.append("，发生于 ").append(complication.onsetDate());
		}
		if (complication.typeName() != null) {
			text.append("；类型 ").append(complication.typeName());
		}
		if (complication.serious() != null) {
			text.append(complication.serious() ? "；严重并发症" : "；非严重并发症");
		}
		return text.toString();
	}

	private static ObjectNode resource(String type) {
		ObjectNode resource = MAPPER.createObjectNode();
		resource.put("resourceType", type);
		return resource;
	}

	private static String urn(UUID id) {
		return "urn:uuid:" + id;
	}

	/**
	 * A name-based UUID, so the same case, device or patient gets the same entry URL in
	 * every export.
	 */
	static UUID uuid(String... parts) {
		return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
	}

}
