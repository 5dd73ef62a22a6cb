package cn.rtms.equipment;

import java.util.UUID;

/**
 * One institution's register in numbers (the authorities' overview).
 *
 * @param institutionId the institution
 * @param institutionName its name
 * @param regionCode its region
 * @param units units in the register (scrapped ones included)
 * @param notUsable units not counted today (not in service, or overdue)
 * @param overdue units with a schedule overdue
 */
public record RegisterSummary(UUID institutionId, String institutionName, String regionCode, int units, int notUsable,
		int overdue) {
}
