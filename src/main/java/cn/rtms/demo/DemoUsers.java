package cn.rtms.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.rtms.identity.CreateUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.identity.UserManagement;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.InstitutionSummary;
import cn.rtms.personnel.PersonSummary;
import cn.rtms.personnel.PersonnelManagement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo accounts of docs/identity-filing-contracts.md (the published password
 * {@link UserManagement#DEMO_PASSWORD}, not forced to change, exempt from password
 * expiry; the password is refused for every other account), created after the demo
 * hospitals and people, each one once (missing ones are added on later starts too, but
 * never to a database that holds an account that is not a demo account: that one is used
 * for real); and the login table printed to the console when the application is ready.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "rtms.demo-data.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

	static final String PASSWORD = UserManagement.DEMO_PASSWORD;

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	/**
	 * One demo account: institution and person are looked up by name in the demo data.
	 */
	record DemoUser(String username, String displayName, Role role, @Nullable String regionCode,
			@Nullable String institution, @Nullable String person, String scope) {
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("admin", "系统管理员", Role.SYSTEM_ADMIN, null, null, null, "全部数据、用户管理"),
			new DemoUser("province", "吉林省卫生健康委员会", Role.PROVINCE_AUTHORITY, "220000", null, null, "吉林省（220000）"),
			new DemoUser("changchun", "长春市卫生健康委员会", Role.CITY_AUTHORITY, "220100", null, null, "长春市（220100）及所辖区县"),
			new DemoUser("nanguan", "南关区卫生健康局", Role.COUNTY_AUTHORITY, "220102", null, null, "南关区（220102）"),
			new DemoUser("meihekou", "梅河口市卫生健康局", Role.CITY_AUTHORITY, "220581", null, null, "梅河口市（220581，省直管）"),
			new DemoUser("expert1", "评审专家一", Role.EXPERT, null, null, null, "分配给本人的备案"),
			new DemoUser("expert2", "评审专家二", Role.EXPERT, null, null, null, "分配给本人的备案"),
			new DemoUser("ccszx-clerk", "长春市中心医院医务科", Role.HOSPITAL_CLERK, null, "长春市中心医院", null, "长春市中心医院"),
			new DemoUser("ccszx-admin", "长春市中心医院管理员", Role.HOSPITAL_ADMIN, null, "长春市中心医院", null, "长春市中心医院"),
			new DemoUser("songjiang-clerk", "松江肿瘤医院医务科", Role.HOSPITAL_CLERK, null, "吉林省松江肿瘤医院", null, "吉林省松江肿瘤医院"),
			new DemoUser("songjiang-base", "松江肿瘤医院培训基地", Role.TRAINING_BASE_ADMIN, null, "吉林省松江肿瘤医院", null,
					"吉林省松江肿瘤医院（培训基地）"),
			new DemoUser("jiangcheng-clerk", "江城医院医务科", Role.HOSPITAL_CLERK, null, "吉林市江城医院", null, "吉林市江城医院"),
			new DemoUser("doctor-wang", "王淑华", Role.PHYSICIAN, null, "长春市中心医院", "王淑华", "本人（长春市中心医院）"));

	private final UserManagement users;

	private final IdentityManagement identity;

	private final InstitutionManagement institutions;

	private final PersonnelManagement people;

	private final TransactionTemplate transactions;

	private final Environment environment;

	private final DemoExperts experts;

	DemoUsers(UserManagement users, IdentityManagement identity, InstitutionManagement institutions,
			PersonnelManagement people, TransactionTemplate transactions, Environment environment,
			DemoExperts experts) {
		this.experts = experts;
		this.users = users;
		this.identity = identity;
		this.institutions = institutions;
		this.people = people;
		this.transactions = transactions;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.hasRealAccounts() && USERS.stream().anyMatch(u -> !this.users.exists(u.username()))) {
			// A database someone uses for real (a production start that forgot
			// RTMS_DEMODATA_ENABLED=false): no account with the published password.
			log.warn("数据库中已有正式账号，不再创建演示账号（演示账号使用公开密码）；生产环境请设置 RTMS_DEMODATA_ENABLED=false");
			return;
		}
		int[] created = new int[1];
		this.identity.asSystem(() -> this.transactions.executeWithoutResult(status -> {
			for (DemoUser user : USERS) {
				if (this.users.exists(user.username())) {
					continue;
				}
				String region = user.regionCode();
				if (region != null && !this.institutions.inDeploymentProvince(region)) {
					log.info("演示账号 {} 的管辖区域不在本平台部署的省份内，跳过", user.username());
					continue;
				}
				UUID institutionId = null;
				UUID personId = null;
				if (user.institution() != null) {
					institutionId = institutionId(user.institution());
					if (institutionId == null) {
						log.warn("演示医疗机构“{}”不存在，跳过演示账号 {}", user.institution(), user.username());
						continue;
					}
				}
				if (user.person() != null) {
					personId = personId(institutionId, user.person());
					if (personId == null) {
						log.warn("演示人员“{}”不存在，跳过演示账号 {}", user.person(), user.username());
						continue;
					}
				}
				this.users.createDemoAccount(new CreateUser(user.username(), user.displayName(), user.role(),
						institutionId, personId, user.regionCode(), PASSWORD));
				created[0]++;
			}
		}));
		if (created[0] > 0) {
			log.info("已创建 {} 个演示账号", created[0]);
		}
		this.experts.placeDemoExperts();
	}

	private @Nullable UUID institutionId(String name) {
		return this.institutions.search(name, null)
			.stream()
			.filter(i -> i.name().equals(name))
			.map(InstitutionSummary::id)
			.findFirst()
			.orElse(null);
	}

	private @Nullable UUID personId(@Nullable UUID institutionId, String name) {
		return this.people.search(institutionId, name, null)
			.stream()
			.filter(p -> p.name().equals(name))
			.map(PersonSummary::id)
			.findFirst()
			.orElse(null);
	}

	@EventListener(ApplicationReadyEvent.class)
	void printLoginTable() {
		String port = this.environment.getProperty("local.server.port");
		if (port == null) {
			return;
		}
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("RTMS 已启动：http://127.0.0.1:" + port + "/");
		lines.add("演示账号（初始密码均为 " + PASSWORD + "；如已修改，以修改后的密码为准）：");
		lines.add("  " + pad("用户名", 18) + pad("角色", 28) + "数据范围");
		for (DemoUser user : USERS) {
			if (this.users.exists(user.username())) {
				lines.add("  " + pad(user.username(), 18) + pad(user.role().label(), 28) + user.scope());
			}
		}
		lines.add("");
		log.info(String.join(System.lineSeparator(), lines));
	}

	/** Pads to a console width, counting Chinese characters as two columns. */
	static String pad(String text, int width) {
		int columns = text.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
		return text + " ".repeat(Math.max(1, width - columns));
	}

}
