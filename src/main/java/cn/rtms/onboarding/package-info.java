/**
 * Self-registration of hospitals (医疗机构注册, docs/onboarding.md, ADR 0035): a public
 * application with the 统一社会信用代码 (GB 32100-2015 check character), the practice licence and
 * its issuing authority, region, level, type, contact and a licence scan; throttled per
 * client address and guarded by an offline image captcha, both kept in the database
 * (schema {@code onboarding}) so that any node may answer. The issuing authority (an
 * authority whose jurisdiction covers the issuer's region) approves or returns the
 * application; approval creates the institution through the institutions module and its
 * hospital administrator through identity with a one-time activation. Owns schema
 * {@code onboarding}; does not own institutions or accounts. Every state change is
 * audited. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "filing", "identity", "institutions", "platform", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.onboarding;
