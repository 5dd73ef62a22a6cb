package cn.rtms.rules;

import java.util.List;

import cn.rtms.rules.engine.facts.InstitutionFacts.Equipment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EquipmentMergeTests {

	static final List<Equipment> DECLARED = List.of(new Equipment("DSA", 2, "平板血管造影系统"), new Equipment("CT", 3, null));

	@Test
	void withoutARegisterTheDeclaredEquipmentStandsUnchanged() {
		assertThat(EquipmentMerge.merge(DECLARED, List.of())).isSameAs(DECLARED);
	}

	@Test
	void aKindTheRegisterHoldsCountsOnlyUsableUnitsAndNamesTheOthers() {
		List<Equipment> merged = EquipmentMerge.merge(DECLARED,
				List.of(new EquipmentRegisterSource.Unit("DSA", "Artis zee（序列号 A）", "Artis zee", null),
						new EquipmentRegisterSource.Unit("DSA", "Artis zee（序列号 B）", "Artis zee", "停用"),
						new EquipmentRegisterSource.Unit("MRI", "Skyra（序列号 M）", "Skyra", "维修中")));
		assertThat(merged).extracting(Equipment::kind, Equipment::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("CT", 3),
					org.assertj.core.groups.Tuple.tuple("DSA", 1), org.assertj.core.groups.Tuple.tuple("MRI", 0));
		assertThat(merged.get(0).register()).isEqualTo("CT：设备登记中无此类设备，按机构填报的数量计");
		assertThat(merged.get(1).register()).isEqualTo("数字减影血管造影（DSA）：按设备登记计在用且无逾期 1 台，未计入 1 台：Artis zee（序列号 B）（停用）");
		assertThat(merged.get(2).register()).contains("未计入 1 台：Skyra（序列号 M）（维修中）");
	}

}
