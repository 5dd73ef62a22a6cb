package cn.rtms.institutions;

import org.jspecify.annotations.Nullable;

/**
 * The province this deployment serves: {@code rtms.deployment.province} (a GB/T 2260
 * province code, 220000 吉林省 unless configured). Region pickers, authority accounts and
 * institutions stay inside it; see README "Setting up another province".
 *
 * @param code province code, e.g. {@code 220000}
 * @param name its Chinese name, e.g. 吉林省
 * @param regionEdition the edition of the region data loaded last, null before the first
 * load
 */
public record DeploymentProvince(String code, String name, @Nullable String regionEdition) {
}
