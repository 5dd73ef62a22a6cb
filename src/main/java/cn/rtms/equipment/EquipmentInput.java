package cn.rtms.equipment;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A unit as entered (create or update); checked by {@link EquipmentManagement}, which
 * names every refused field in Chinese.
 *
 * @param kind equipment code of the dictionary's {@code equipment} group (the specs'
 * codes, e.g. {@code DSA})
 * @param registrationNumber 医疗器械注册证编号 (e.g. 国械注进20173301234) or 备案编号, optional
 * @param manufacturer 生产企业, 1–100 characters
 * @param model 型号, 1–100 characters
 * @param serialNumber 序列号, 1–100 characters, unique per institution and kind
 * @param installedOn 安装日期, not after today
 * @param status status
 * @param location 放置地点, at most 100 characters
 * @param note 备注, at most 500 characters
 * @param version the version read, for an update (null on create)
 */
public record EquipmentInput(@Nullable String kind, @Nullable String registrationNumber, @Nullable String manufacturer,
		@Nullable String model, @Nullable String serialNumber, @Nullable LocalDate installedOn,
		@Nullable EquipmentStatus status, @Nullable String location, @Nullable String note, @Nullable Long version) {
}
