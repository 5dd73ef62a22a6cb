package cn.rtms.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLibrary;
import cn.rtms.rules.engine.spec.SpecLoader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The spec editions known to the platform: every {@code specs/*.yaml} on the classpath
 * plus, optionally, the YAML files of {@code rtms.specs.extra-dir} (a new edition without
 * a rebuild). All files are validated against the schema when the application starts; one
 * broken file stops startup with file, path and problem named.
 */
@Service
public class SpecificationManagement {

	private static final Logger log = LoggerFactory.getLogger(SpecificationManagement.class);

	private final SpecLibrary library;

	SpecificationManagement(@Value("${rtms.specs.extra-dir:}") String extraDir) {
		this.library = SpecLibrary.of(new SpecLoader().loadAll(sources(extraDir)));
		log.info("已加载 {} 个管理规范版本：{}", this.library.all().size(),
				this.library.all().stream().map(RequirementSpec::key).toList());
	}

	static Map<String, String> sources(@Nullable String extraDir) {
		Map<String, String> sources = new LinkedHashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:specs/*.yaml")) {
				sources.put(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
			}
			if (extraDir != null && !extraDir.isBlank()) {
				try (Stream<Path> files = Files.list(Path.of(extraDir))) {
					for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
						sources.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取管理规范文件：" + ex.getMessage(), ex);
		}
		return sources;
	}

	/**
	 * @return the loaded editions as a library (for engines that carry confirmations over
	 * between editions)
	 */
	public SpecLibrary library() {
		return this.library;
	}

	/**
	 * @return every loaded edition, ordered by key
	 */
	public List<RequirementSpec> all() {
		return this.library.all();
	}

	/**
	 * @return the procedure codes of every loaded edition, oldest edition first
	 */
	public List<SpecProcedureCode> procedureCodes() {
		return this.library.all()
			.stream()
			.sorted(java.util.Comparator.comparing(RequirementSpec::effectiveFrom))
			.flatMap(spec -> spec.procedureCodes()
				.stream()
				.map(c -> new SpecProcedureCode(spec.technology(), spec.key(), spec.effectiveFrom(), c.code(), c.name(),
						c.subTechnique())))
			.toList();
	}

	/**
	 * @param key e.g. {@code G08-2022}
	 * @return the edition
	 * @throws SpecNotFound when there is none
	 */
	public RequirementSpec get(String key) {
		return this.library.find(key).orElseThrow(() -> new SpecNotFound(key));
	}

	/**
	 * @param key e.g. G08-2023
	 * @return the edition's key facts
	 * @throws SpecNotFound when there is none
	 */
	public SpecDiff.SpecEdition edition(String key) {
		return SpecDiffs.edition(get(key));
	}

	/**
	 * Clause-level differences between two editions of one technology (docs/what-if.md).
	 * @param fromKey the older edition, e.g. G08-2022
	 * @param toKey the newer edition, e.g. G08-2023
	 * @return the differences
	 * @throws SpecNotFound when either edition is unknown
	 * @throws InvalidEvaluationRequest when they belong to different technologies or are
	 * the same edition
	 */
	public SpecDiff diff(String fromKey, String toKey) {
		RequirementSpec from = get(fromKey);
		RequirementSpec to = get(toKey);
		if (!from.technology().equals(to.technology())) {
			throw new InvalidEvaluationRequest("to", "只能比较同一技术的两个版本：" + from.key() + " 与 " + to.key() + " 属于不同技术");
		}
		if (from.key().equals(to.key())) {
			throw new InvalidEvaluationRequest("to", "请选择两个不同的版本进行比较");
		}
		return SpecDiffs.diff(from, to);
	}

	/**
	 * @param technology technology code
	 * @return its editions, oldest first
	 */
	public List<RequirementSpec> editions(String technology) {
		return this.library.editions(technology);
	}

	/**
	 * @param spec an edition
	 * @return the edition that takes over from it in its whole jurisdiction, if any
	 */
	public Optional<RequirementSpec> successor(RequirementSpec spec) {
		return this.library.successor(spec);
	}

	/**
	 * @param technology technology code
	 * @param date evaluation date
	 * @param regionCode the institution's region (a provincial edition applies only in
	 * its province), or null
	 * @return the edition in force, if any
	 */
	public Optional<RequirementSpec> inForce(String technology, LocalDate date, @Nullable String regionCode) {
		return this.library.inForce(technology, date, regionCode);
	}

	/**
	 * @param technology technology code
	 * @param date the date
	 * @param regionCode the institution's region, or null
	 * @return the sub-techniques (code → Chinese name, in spec order) of the edition in
	 * force; empty when no edition is in force or it declares none
	 */
	public Map<String, String> subTechniquesInForce(String technology, LocalDate date, @Nullable String regionCode) {
		Map<String, String> subTechniques = new LinkedHashMap<>();
		inForce(technology, date, regionCode)
			.ifPresent(spec -> spec.subTechniques().forEach(s -> subTechniques.put(s.code(), s.name())));
		return subTechniques;
	}

}
