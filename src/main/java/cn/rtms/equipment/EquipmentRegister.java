package cn.rtms.equipment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.rules.EquipmentRegisterSource;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as the eligibility engine reads it (ADR 0031): every unit with why it does
 * not count on the day ({@link Usability}). No scope check: the rules module checks read
 * access to the institution before it asks.
 */
@Component
@Transactional(readOnly = true)
class EquipmentRegister implements EquipmentRegisterSource {

	private final EquipmentStore store;

	EquipmentRegister(EquipmentStore store) {
		this.store = store;
	}

	@Override
	public long revision(UUID institutionId) {
		return this.store.revision(institutionId);
	}

	@Override
	public List<Unit> units(UUID institutionId, LocalDate date) {
		return units(this.store.units(institutionId), date).getOrDefault(institutionId, List.of());
	}

	@Override
	public Map<UUID, List<Unit>> allUnits(LocalDate date) {
		return units(this.store.allUnits(), date);
	}

	private Map<UUID, List<Unit>> units(List<EquipmentStore.UnitRow> rows, LocalDate date) {
		if (rows.isEmpty()) {
			return Map.of();
		}
		Map<UUID, List<EquipmentStore.ScheduleRow>> schedules = new HashMap<>();
		this.store.schedules(rows.stream().map(EquipmentStore.UnitRow::id).toList())
			.forEach(s -> schedules.computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(s));
		Map<UUID, List<Unit>> result = new HashMap<>();
		for (EquipmentStore.UnitRow row : rows) {
			result.computeIfAbsent(row.institutionId(), k -> new ArrayList<>())
				.add(new Unit(row.kind(), name(row), row.model(),
						Usability.notCounted(row.status(), schedules.getOrDefault(row.id(), List.of()), date)));
		}
		return result;
	}

	static String name(EquipmentStore.UnitRow row) {
		return row.model() + "（序列号 " + row.serialNumber() + "）";
	}

}
