package cn.rtms.cases;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A device row as stored and read.
 *
 * @param scanned exactly as scanned
 * @param type {@code GS1}, {@code MA} or {@code PLAIN}
 * @param gtin GTIN (AI 01)
 * @param lot lot (AI 10)
 * @param serial serial (AI 21)
 * @param expiryDate expiry (AI 17)
 * @param productionDate production date (AI 11)
 * @param registrationNo NMPA 注册证编号
 * @param name product name
 * @param singleUse whether single-use
 * @param quantity how many
 * @param expired whether it had expired on the operation date (on today for a bare
 * reading)
 */
public record DeviceView(String scanned, String type, @Nullable String gtin, @Nullable String lot,
		@Nullable String serial, @Nullable LocalDate expiryDate, @Nullable LocalDate productionDate,
		@Nullable String registrationNo, @Nullable String name, boolean singleUse, int quantity, boolean expired) {
}
