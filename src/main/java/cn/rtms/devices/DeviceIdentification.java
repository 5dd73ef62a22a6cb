package cn.rtms.devices;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a device barcode identifies.
 *
 * @param scanned the string exactly as scanned (symbology identifier and separators
 * included), kept as the record of what was on the package
 * @param format how it was read
 * @param gtin AI (01), the 14-digit GTIN with a verified check digit
 * @param lot AI (10), batch or lot number
 * @param productionDate AI (11)
 * @param expiryDate AI (17); a day {@code 00} means the last day of the month
 * @param serial AI (21), serial number
 * @param elements every application identifier read, in order, with its raw value
 */
public record DeviceIdentification(String scanned, Format format, @Nullable String gtin, @Nullable String lot,
		@Nullable LocalDate productionDate, @Nullable LocalDate expiryDate, @Nullable String serial,
		Map<String, String> elements) {

	/** How a barcode was read. */
	public enum Format {

		/**
		 * A GS1 element string (GS1-128, GS1 DataMatrix, GS1 QR, GS1 DataBar or its HRI).
		 */
		GS1,

		/**
		 * A code of China's MA identification system ({@code MA.156…}), kept as scanned.
		 */
		MA,

		/** Any other code, kept as scanned. */
		PLAIN

	}

	/**
	 * @param day a day
	 * @return whether the device's expiry date lies before that day (false without one)
	 */
	public boolean expiredOn(LocalDate day) {
		return this.expiryDate != null && this.expiryDate.isBefore(day);
	}

}
