package cn.rtms.cases;

import org.jspecify.annotations.Nullable;

/**
 * A device or consumable row of a case.
 *
 * @param scanned what the barcode scanner typed (read by
 * {@link cn.rtms.devices.DeviceBarcodes}: GS1, MA or plain)
 * @param registrationNo NMPA 注册证编号
 * @param name product name
 * @param singleUse whether it is a single-use device (default true)
 * @param quantity how many (default 1)
 */
public record DeviceInput(String scanned, @Nullable String registrationNo, @Nullable String name,
		@Nullable Boolean singleUse, @Nullable Integer quantity) {

	/**
	 * Treats a missing scan as empty (reported as missing by the checks).
	 */
	public DeviceInput {
		scanned = (scanned == null) ? "" : scanned;
	}

}
