package cn.rtms.onboarding;

import org.jspecify.annotations.Nullable;

/**
 * A hospital's application as typed on the public registration page (医疗机构注册). Every field
 * is checked by {@link RegistrationManagement} with a Chinese message naming it, so the
 * record itself takes plain strings.
 *
 * @param name the institution's name
 * @param creditCode 统一社会信用代码 (GB 32100-2015)
 * @param licenceNumber 医疗机构执业许可证登记号
 * @param issuerName the authority that issued the licence, e.g. 长春市卫生健康委员会
 * @param issuerRegionCode that authority's region (county, city or province code): it
 * decides who verifies the application
 * @param regionCode where the institution is (county or city code)
 * @param level {@link cn.rtms.institutions.InstitutionLevel} name
 * @param type {@link cn.rtms.institutions.InstitutionType} name
 * @param contactName the contact person, who becomes the hospital administrator
 * @param contactMobile the contact's mobile number (11 digits, 1[3-9]…)
 * @param adminUsername the login name wanted for the hospital administrator
 * @param captchaId the captcha shown
 * @param captchaAnswer its answer
 */
public record RegistrationRequest(@Nullable String name, @Nullable String creditCode, @Nullable String licenceNumber,
		@Nullable String issuerName, @Nullable String issuerRegionCode, @Nullable String regionCode,
		@Nullable String level, @Nullable String type, @Nullable String contactName, @Nullable String contactMobile,
		@Nullable String adminUsername, @Nullable String captchaId, @Nullable String captchaAnswer) {
}
