package cn.rtms.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the deployment province's catalogue of restricted technologies from
 * {@code reference/catalogues/<province>.yaml} when that file exists (Jilin's catalogue
 * comes from migration and has none): the technologies the province lists, the catalogue
 * edition and the document that issued it. Inserts the technologies the table lacks and
 * their "listed" history entry; never changes one already there. A code already used by
 * another jurisdiction stops the start (catalogue codes are unique across provinces). See
 * README "Setting up another province".
 */
@Component
@Order(1)
class ProvincialCatalogues implements ApplicationRunner {

	static final String LOCATION = "reference/catalogues/";

	private static final Logger log = LoggerFactory.getLogger(ProvincialCatalogues.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final String province;

	ProvincialCatalogues(JdbcClient jdbc, TransactionTemplate transactions,
			@Value("${rtms.deployment.province:220000}") String province) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.province = province;
	}

	/**
	 * A province's catalogue as its file states it.
	 *
	 * @param province GB/T 2260 province code, must match the file name
	 * @param edition catalogue edition, e.g. 吉林省限制类技术目录（2022年版）
	 * @param document the issuing document, e.g. 吉卫医发〔2022〕12号
	 * @param issuedOn when it was issued
	 * @param technologies the technologies it lists, in catalogue order
	 */
	record Catalogue(String province, String edition, String document, LocalDate issuedOn, List<Listed> technologies) {
	}

	/**
	 * One listed technology.
	 *
	 * @param code catalogue code, unique across all catalogues (at most 8 characters)
	 * @param name Chinese name
	 */
	record Listed(String code, String name) {
	}

	@Override
	public void run(ApplicationArguments args) {
		Catalogue catalogue = read(this.province);
		if (catalogue == null) {
			return;
		}
		Integer inserted = this.transactions.execute(status -> load(catalogue));
		if (inserted != null && inserted > 0) {
			log.info("已加载{}：{} 项省级限制类技术（{}）", catalogue.edition(), inserted, catalogue.document());
		}
	}

	static @Nullable Catalogue read(String province) {
		ClassPathResource resource = new ClassPathResource(LOCATION + province + ".yaml");
		if (!resource.exists()) {
			return null;
		}
		Catalogue catalogue;
		try (InputStream in = resource.getInputStream()) {
			catalogue = YAMLMapper.builder()
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
				.build()
				.readValue(in, Catalogue.class);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException(resource.getPath() + " 无法读取：" + ex.getMessage(), ex);
		}
		List<String> problems = new ArrayList<>();
		if (!province.equals(catalogue.province())) {
			problems.add("province 应为 " + province);
		}
		if (catalogue.edition().isBlank() || catalogue.edition().length() > 60) {
			problems.add("edition 不能为空，最长 60 字");
		}
		if (catalogue.document().isBlank() || catalogue.document().length() + catalogue.edition().length() > 290) {
			problems.add("document 不能为空，且与 edition 合计最长 290 字");
		}
		if (catalogue.technologies().isEmpty()) {
			problems.add("technologies 不能为空");
		}
		for (Listed t : catalogue.technologies()) {
			if (!t.code().matches("[A-Z0-9]{2,8}") || t.name().isBlank() || t.name().length() > 100) {
				problems.add("技术代码 “" + t.code() + "” 应为 2–8 位大写字母或数字，名称不能为空、最长 100 字");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(resource.getPath() + "：" + String.join("；", problems));
		}
		return catalogue;
	}

	private int load(Catalogue catalogue) {
		int inserted = 0;
		for (int i = 0; i < catalogue.technologies().size(); i++) {
			Listed t = catalogue.technologies().get(i);
			String jurisdiction = this.jdbc.sql("select jurisdiction from catalog.technology where code = ?")
				.param(t.code())
				.query(String.class)
				.optional()
				.orElse(null);
			if (jurisdiction != null && !jurisdiction.equals(catalogue.province())) {
				throw new IllegalStateException(LOCATION + catalogue.province() + ".yaml：技术代码 " + t.code() + " 已被 "
						+ jurisdiction + " 的目录使用，请换用本省自己的代码");
			}
			if (jurisdiction != null) {
				continue;
			}
			this.jdbc
				.sql("""
						insert into catalog.technology (code, name, level, jurisdiction, catalogue_edition, status, sort_order)
						values (?, ?, 'PROVINCIAL', ?, ?, 'IN_FORCE', ?)""")
				.params(t.code(), t.name(), catalogue.province(), catalogue.edition(), 101 + i)
				.update();
			this.jdbc.sql("insert into catalog.technology_history (code, occurred_on, event) values (?, ?, ?)")
				.params(t.code(), catalogue.issuedOn(), "列入" + catalogue.edition() + "（" + catalogue.document() + "）")
				.update();
			inserted++;
		}
		return inserted;
	}

}
