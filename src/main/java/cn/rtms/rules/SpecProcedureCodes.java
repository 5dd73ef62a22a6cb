package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.rtms.rules.engine.spec.RequirementSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The ICD-9-CM-3 procedure codes the spec editions list for their technologies (e.g.
 * G08-2023's ablation codes, G10-2023's robotic 17.41–17.49), for modules that map a
 * hospital's procedure code to a restricted technology without depending on the engine's
 * spec model.
 */
@Service
public class SpecProcedureCodes {

	private final SpecificationManagement specs;

	private final List<Entry> all;

	SpecProcedureCodes(SpecificationManagement specs) {
		this.specs = specs;
		this.all = specs.all()
			.stream()
			.flatMap(spec -> spec.procedureCodes()
				.stream()
				.map(code -> new Entry(spec.key(), spec.technology(), code.code(), code.name(), code.subTechnique())))
			.toList();
	}

	/**
	 * One code of one edition.
	 *
	 * @param specKey the edition, e.g. {@code G08-2023}
	 * @param technology its technology
	 * @param code the code as the spec normalises it (no spaces, lower-case x), e.g.
	 * {@code 54.4x00x055}
	 * @param name the procedure's Chinese name
	 * @param subTechnique the sub-technique the code implies, or null
	 */
	public record Entry(String specKey, String technology, String code, String name, @Nullable String subTechnique) {
	}

	/**
	 * @return every listed code of every edition, in spec order
	 */
	public List<Entry> all() {
		return this.all;
	}

	/**
	 * @param technology technology code
	 * @param date the day
	 * @param regionCode the institution's region, or null
	 * @return the key of the edition in force, if any
	 */
	public Optional<String> editionInForce(String technology, LocalDate date, @Nullable String regionCode) {
		return this.specs.inForce(technology, date, regionCode).map(RequirementSpec::key);
	}

}
