package cn.rtms.equipment;

import java.util.Map;

import cn.rtms.catalog.CodeDictionary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The equipment enums' Chinese labels are the code dictionary's (what the front end
 * shows).
 */
class EquipmentLabelsTests {

	static final CodeDictionary DICTIONARY = CodeDictionary.standard();

	@Test
	void everyConstantHasTheDictionaryLabel() {
		for (EquipmentStatus s : EquipmentStatus.values()) {
			assertThat(s.label()).isEqualTo(DICTIONARY.label("equipmentStatus", s.name()));
		}
		for (ScheduleKind k : ScheduleKind.values()) {
			assertThat(k.label()).isEqualTo(DICTIONARY.label("equipmentScheduleKind", k.name()));
		}
		for (RecordResult r : RecordResult.values()) {
			assertThat(r.label()).isEqualTo(DICTIONARY.label("equipmentRecordResult", r.name()));
		}
		for (AttachmentPurpose p : AttachmentPurpose.values()) {
			assertThat(p.label()).isEqualTo(DICTIONARY.label("equipmentAttachmentPurpose", p.name()));
		}
		Map<String, String> groups = DICTIONARY.group("equipmentStatus");
		assertThat(groups).hasSize(EquipmentStatus.values().length);
	}

}
