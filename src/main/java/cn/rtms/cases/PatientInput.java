package cn.rtms.cases;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The patient of a case as entered. Name, ID number and phone are stored encrypted and
 * shown only to the hospital's own users ({@link PatientData}).
 *
 * @param name 姓名 (at most 50 characters)
 * @param idNumber 居民身份证号码 (18 characters, GB 11643 check digit)
 * @param phone 联系电话 (at most 20 characters)
 * @param sex {@code M} or {@code F}
 * @param birthDate 出生日期
 */
public record PatientInput(@Nullable String name, @Nullable String idNumber, @Nullable String phone,
		@Nullable String sex, @Nullable LocalDate birthDate) {
}
