package cn.rtms.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Confirmation;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo dataset into an empty database, all or nothing, moved to the day of the
 * first start ({@link DemoTimeline}).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "rtms.demo-data.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

	static final String SOURCE = "demo/institutions.yaml";

	/**
	 * The demo institutions are Jilin's: loaded only when the deployment serves Jilin.
	 */
	static final String JILIN = "220000";

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final InstitutionManagement institutions;

	private final PersonnelManagement people;

	private final TransactionTemplate transactions;

	private final IdentityManagement identity;

	private final Clock clock;

	DemoDataLoader(InstitutionManagement institutions, PersonnelManagement people, TransactionTemplate transactions,
			IdentityManagement identity, Clock clock) {
		this.institutions = institutions;
		this.people = people;
		this.transactions = transactions;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		this.identity.asSystem(this::load);
	}

	private void load() {
		if (this.institutions.count() > 0) {
			log.info("数据库中已有医疗机构，跳过演示数据加载");
			return;
		}
		if (!this.institutions.inDeploymentProvince(JILIN)) {
			log.info("演示数据是吉林省的数据，本平台部署的省份为 {}，跳过演示数据加载", this.institutions.deploymentProvince().name());
			return;
		}
		YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		JsonNode root;
		try (InputStream in = new ClassPathResource(SOURCE).getInputStream()) {
			root = yaml.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		LocalDate today = LocalDate.now(this.clock);
		DemoTimeline timeline = new DemoTimeline(today);
		timeline.shift(root);
		if (!timeline.period().isZero()) {
			log.info("演示数据按今天（{}）平移：今天比 {} 晚 {}；{} 之后的日期与今天保持原有间隔，{} 年之后的年度例数后移 {} 年", today,
					DemoTimeline.REFERENCE_DATE, timeline.period(), DemoTimeline.PIVOT, DemoTimeline.PIVOT_YEAR,
					timeline.years());
		}
		int[] counts = new int[2];
		this.transactions.executeWithoutResult(status -> {
			Map<String, UUID> ids = new HashMap<>();
			List<Runnable> staffLoads = new ArrayList<>();
			int index = 0;
			for (JsonNode node : root.path("institutions")) {
				ObjectNode institutionNode = ((ObjectNode) node).deepCopy();
				JsonNode staff = institutionNode.remove("staff");
				JsonNode attestations = institutionNode.remove("attestations");
				String where = SOURCE + " institutions[" + index + "]（" + node.path("name").asString("") + "）";
				InstitutionDetails saved;
				try {
					saved = this.institutions.create(yaml.treeToValue(institutionNode, InstitutionDetails.class));
				}
				catch (RuntimeException ex) {
					throw new IllegalStateException("演示数据 " + where + " 无法加载：" + ex.getMessage(), ex);
				}
				ids.put(saved.name(), Objects.requireNonNull(saved.id()));
				List<Confirmation> reviews = reviews(yaml, attestations);
				if (!reviews.isEmpty()) {
					this.institutions.importConfirmations(Objects.requireNonNull(saved.id()), reviews);
				}
				counts[0]++;
				if (staff != null) {
					staffLoads.add(() -> loadStaff(yaml, staff, saved, where, ids, counts));
				}
				index++;
			}
			staffLoads.forEach(Runnable::run);
		});
		log.info("已加载演示数据：{} 家医疗机构，{} 名人员", counts[0], counts[1]);
	}

	/**
	 * Loads an institution's staff once every institution exists, so that a licence's
	 * {@code registeredInstitution} naming a demo institution (the staff's own or another
	 * one, 多点执业) becomes its {@code registeredInstitutionId}; other names stay names.
	 */
	private void loadStaff(YAMLMapper yaml, JsonNode staff, InstitutionDetails saved, String where,
			Map<String, UUID> ids, int[] counts) {
		int personIndex = 0;
		for (JsonNode personNode : staff) {
			ObjectNode copy = ((ObjectNode) personNode).deepCopy();
			copy.put("institutionId", String.valueOf(saved.id()));
			JsonNode attestations = copy.remove("attestations");
			if (copy.get("licence") instanceof ObjectNode licence) {
				UUID registered = ids.get(licence.path("registeredInstitution").asString(""));
				if (registered != null) {
					licence.put("registeredInstitutionId", registered.toString());
					licence.remove("registeredInstitution");
				}
			}
			try {
				PersonDetails person = this.people.create(yaml.treeToValue(copy, PersonDetails.class));
				List<Confirmation> reviews = reviews(yaml, attestations);
				if (!reviews.isEmpty()) {
					this.people.importConfirmations(Objects.requireNonNull(person.id()), reviews);
				}
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("演示数据 " + where + " staff[" + personIndex + "]（"
						+ personNode.path("name").asString("") + "）无法加载：" + ex.getMessage(), ex);
			}
			counts[1]++;
			personIndex++;
		}
	}

	/**
	 * The demo file's confirmations ({@code clause}, {@code confirmedBy},
	 * {@code confirmedOn}, {@code evidence}) as review confirmations attributed to the
	 * system that loads them: the named reviewer is a description in the file, not an
	 * account, so it is not recorded as the confirmer.
	 */
	private List<Confirmation> reviews(YAMLMapper yaml, @Nullable JsonNode attestations) {
		if (attestations == null || attestations.isNull()) {
			return List.of();
		}
		List<Confirmation> reviews = new ArrayList<>();
		for (JsonNode node : attestations) {
			DemoAttestation a = yaml.treeToValue(node, DemoAttestation.class);
			reviews.add(Confirmation.imported(a.clause(), a.evidence(), a.confirmedOn(), this.clock.instant()));
		}
		return reviews;
	}

	/**
	 * A confirmation as the demo file writes it.
	 *
	 * @param clause citation
	 * @param confirmedBy the reviewer described (not recorded)
	 * @param confirmedOn the day it counts from
	 * @param evidence evidence
	 */
	record DemoAttestation(String clause, @Nullable String confirmedBy, LocalDate confirmedOn, String evidence) {
	}

}
