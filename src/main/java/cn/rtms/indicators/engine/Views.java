package cn.rtms.indicators.engine;

import java.time.LocalDate;
import java.util.UUID;

import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The read-only views the indicators module reads — the SQL API the cases, institutions,
 * personnel and filing modules publish for it (ADR 0026) — as jOOQ names.
 */
final class Views {

	static final Table<?> CASE = DSL.table(DSL.name("cases", "indicator_case")).as("c");

	static final Table<?> FOLLOW_UP = DSL.table(DSL.name("cases", "indicator_follow_up")).as("f");

	static final Table<?> PROCEDURE = DSL.table(DSL.name("cases", "indicator_discharge_procedure")).as("p");

	static final Table<?> INSTITUTION = DSL.table(DSL.name("institutions", "indicator_institution")).as("i");

	static final Table<?> REGION = DSL.table(DSL.name("institutions", "indicator_region")).as("r");

	static final Table<?> PERSON = DSL.table(DSL.name("personnel", "indicator_person")).as("pe");

	static final Table<?> FILING = DSL.table(DSL.name("filing", "indicator_filing")).as("fi");

	static final Table<?> FILING_SUSPENSION = DSL.table(DSL.name("filing", "indicator_filing_suspension")).as("fs");

	static final Field<UUID> C_CASE_ID = uuid("c", "case_id");

	static final Field<UUID> C_INSTITUTION = uuid("c", "institution_id");

	static final Field<String> C_REGION = text("c", "institution_region_code");

	static final Field<String> C_TECHNOLOGY = text("c", "technology");

	static final Field<String> C_FORM_KEY = text("c", "form_key");

	static final Field<String> C_SUB_TECHNIQUE = text("c", "sub_technique");

	static final Field<String> C_MRN = text("c", "medical_record_no");

	static final Field<String> C_PSEUDONYM = text("c", "patient_pseudonym");

	static final Field<String> C_PATIENT_KEY = text("c", "patient_key");

	static final Field<String> C_DISCHARGE_KEY = text("c", "discharge_key");

	static final Field<LocalDate> C_ADMISSION = date("c", "admission_date");

	static final Field<LocalDate> C_OPERATION = date("c", "operation_date");

	static final Field<LocalDate> C_DISCHARGE = date("c", "discharge_date");

	static final Field<Integer> C_BED_DAYS = DSL.field(DSL.name("c", "bed_days"), Integer.class);

	static final Field<Integer> C_STAY_BED_DAYS = DSL.field(DSL.name("c", "stay_bed_days"), Integer.class);

	static final Field<String> C_DEPARTMENT = text("c", "department");

	static final Field<UUID> C_OPERATOR = uuid("c", "operator_id");

	static final Field<String> C_DISCHARGE_STATUS = text("c", "discharge_status");

	static final Field<LocalDate> C_DEATH = date("c", "death_date");

	static final Field<JSONB> C_FORM_DATA = DSL.field(DSL.name("c", "form_data"), SQLDataType.JSONB);

	static final Field<JSONB> C_COMPLICATIONS = DSL.field(DSL.name("c", "complications"), SQLDataType.JSONB);

	static final Field<UUID> F_CASE_ID = uuid("f", "case_id");

	static final Field<String> F_PERIOD = text("f", "period");

	static final Field<LocalDate> F_PERFORMED = date("f", "performed_on");

	static final Field<String> F_VITAL = text("f", "vital_status");

	static final Field<LocalDate> F_DEATH = date("f", "death_date");

	static final Field<LocalDate> F_CANCELLED = date("f", "cancelled_on");

	static final Field<UUID> P_ID = uuid("p", "procedure_id");

	static final Field<UUID> P_INSTITUTION = uuid("p", "institution_id");

	static final Field<String> P_TECHNOLOGY = text("p", "technology");

	static final Field<String> P_SUB_TECHNIQUE = text("p", "sub_technique");

	static final Field<LocalDate> P_DATE = date("p", "procedure_date");

	static final Field<String> P_MRN = text("p", "medical_record_no");

	static final Field<String> P_DEPARTMENT = text("p", "department");

	static final Field<UUID> P_OPERATOR = uuid("p", "operator_id");

	static final Field<Boolean> P_REPORTED = DSL.field(DSL.name("p", "reported"), Boolean.class);

	static final Field<UUID> I_ID = uuid("i", "institution_id");

	static final Field<String> I_NAME = text("i", "name");

	static final Field<String> I_REGION = text("i", "region_code");

	static final Field<String> R_CODE = text("r", "code");

	static final Field<String> R_NAME = text("r", "name");

	static final Field<UUID> PE_ID = uuid("pe", "person_id");

	static final Field<String> PE_NAME = text("pe", "name");

	static final Field<UUID> FI_INSTITUTION = uuid("fi", "institution_id");

	static final Field<String> FI_TECHNOLOGY = text("fi", "technology");

	static final Field<LocalDate> FI_FROM = date("fi", "active_from");

	static final Field<LocalDate> FI_UNTIL = date("fi", "active_until");

	static final Field<UUID> FI_ID = uuid("fi", "filing_id");

	static final Field<UUID> FS_FILING = uuid("fs", "filing_id");

	static final Field<LocalDate> FS_FROM = date("fs", "suspended_from");

	static final Field<LocalDate> FS_UNTIL = date("fs", "suspended_until");

	private Views() {
	}

	static Field<UUID> uuid(String table, String column) {
		return DSL.field(DSL.name(table, column), SQLDataType.UUID);
	}

	static Field<String> text(String table, String column) {
		return DSL.field(DSL.name(table, column), SQLDataType.VARCHAR);
	}

	static Field<LocalDate> date(String table, String column) {
		return DSL.field(DSL.name(table, column), SQLDataType.LOCALDATE);
	}

}
