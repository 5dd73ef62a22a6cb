package cn.rtms.equipment;

import java.util.List;
import java.util.UUID;

/**
 * An institution's register.
 *
 * @param institutionId the institution
 * @param institutionName its name
 * @param canEdit whether the current user may change it
 * @param units its units, by kind and serial number
 */
public record RegisterView(UUID institutionId, String institutionName, boolean canEdit, List<EquipmentView> units) {
}
