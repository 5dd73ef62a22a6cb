package cn.rtms.cases.discharge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import cn.rtms.cases.codes.ProcedureCodeMatcher;
import cn.rtms.cases.codes.ProcedureCodeNormaliser.NormalisedCode;
import cn.rtms.rules.SpecProcedureCode;
import org.jspecify.annotations.Nullable;

/**
 * Which restricted technology (and sub-technique) a discharge record's procedure codes
 * stand for, from the code lists of the specs ({@code procedureCodes}). Pure, immutable.
 * Which listed code a code matches is the module's one rule, {@link ProcedureCodeMatcher}
 * (shared with the order-entry gate and the case form):
 * <ul>
 * <li>A listed code with an extension ({@code 06.3100x001}) matches only itself.</li>
 * <li>A listed code without extension ending in {@code 00} ({@code 17.4100}) stands for
 * its whole ICD-9-CM-3 subcategory: {@code 17.41}, {@code 17.4100}, {@code 17.4101},
 * {@code 17.4100x003} all match it.</li>
 * <li>Any other listed code ({@code 52.2202}) matches itself, and its 4-digit form only
 * when it ends in 00.</li>
 * <li>The robotic-assistance codes (G10, ICD-9-CM-3 17.41–17.45, 17.49) say how another
 * procedure was performed: a record with a robotic code is one G10 procedure whose main
 * procedure is the record's principal code (or, when the principal code is itself the
 * robotic code, the first other code). A robotic code with no other code is still G10,
 * noted as {@link Note#ROBOTIC_WITHOUT_MAIN} (worded "主手术编码无法识别" when another code of the
 * record is no code). The category 17.4 without a listed subcategory (17.4, 17.40,
 * 17.46–17.48) is {@link Note#SUSPECT_CODE}, neither G10 nor a main procedure.</li>
 * <li>A well-formed code that matches nothing is not restricted; when it shares the
 * six-digit stem with a listed extension code ({@code 06.3100x009} beside
 * {@code 06.3100x001}) it is noted as {@link Note#SUSPECT_CODE} (a local extension the
 * spec does not list), never mapped by guess. A malformed code is
 * {@link Note#INVALID_CODE}.</li>
 * </ul>
 * Editions (the scan's own policy): the lists of all editions of a technology count (the
 * code names the procedure whatever edition is in force that day); for a code listed by
 * several editions the newest edition's sub-technique is used. The gate, by contrast,
 * answers with the edition in force on the day of the order (docs/gate.md).
 */
final class ProcedureCatalogue {

	/** The technology whose codes describe robot assistance of another procedure. */
	static final String ROBOTIC_TECHNOLOGY = "G10";

	/**
	 * The ICD-9-CM-3 category 17.4 (机器人辅助操作) in any form: its subcategories 17.41–17.49
	 * and the category alone (17.4, 17.40…).
	 */
	private static final Pattern ROBOTIC = Pattern.compile("17\\.4.*");

	private final ProcedureCodeMatcher<Entry> matcher;

	ProcedureCatalogue(List<Entry> entries) {
		this.matcher = ProcedureCodeMatcher.of(entries, Entry::code);
	}

	/**
	 * @param codes the code lists of the spec editions
	 * ({@link cn.rtms.rules.SpecificationManagement#procedureCodes()}); a later edition's
	 * entry for the same code wins
	 * @return the catalogue
	 */
	static ProcedureCatalogue of(List<SpecProcedureCode> codes) {
		List<Entry> entries = new ArrayList<>();
		codes.stream()
			.sorted(Comparator.comparing(SpecProcedureCode::effectiveFrom))
			.forEach(c -> entries.add(new Entry(c.technology(), c.subTechnique(), c.code(), c.name(), c.specKey())));
		return new ProcedureCatalogue(entries);
	}

	/**
	 * @param code a normalised code
	 * @return the listed code it matches, or null
	 */
	@Nullable Entry find(String code) {
		List<Entry> entries = this.matcher.find(code);
		return entries.isEmpty() ? null : entries.get(entries.size() - 1);
	}

	/**
	 * Maps the codes of one record.
	 * @param principal the principal procedure (主要手术操作编码), null when blank
	 * @param others the other procedures, in file order
	 * @return the restricted procedures and the notes
	 */
	Mapping map(@Nullable NormalisedCode principal, List<NormalisedCode> others) {
		List<Occurrence> all = new ArrayList<>();
		if (principal != null) {
			all.add(new Occurrence(principal, true));
		}
		others.forEach(o -> all.add(new Occurrence(o, false)));
		List<Procedure> procedures = new ArrayList<>();
		List<CodeNote> notes = new ArrayList<>();
		List<Occurrence> robotic = new ArrayList<>();
		List<Occurrence> main = new ArrayList<>();
		for (Occurrence o : all) {
			String code = o.code().code();
			if (code == null) {
				notes.add(new CodeNote(Note.INVALID_CODE, o.code().raw(), null, o.code().problem()));
				continue;
			}
			Entry entry = find(code);
			if (ROBOTIC.matcher(code).matches()) {
				if (entry == null || !ROBOTIC_TECHNOLOGY.equals(entry.technology())) {
					notes.add(new CodeNote(Note.SUSPECT_CODE, o.code().raw(), code, unlistedRobotic(code)));
				}
				else {
					robotic.add(o);
				}
				continue;
			}
			main.add(o);
			if (entry != null) {
				procedures.add(new Procedure(entry.technology(), entry.subTechnique(), code, entry.name(),
						o.principal(), null, entry.specKey()));
			}
			else if (this.matcher.nearExtension(code).isPresent()) {
				Entry near = this.matcher.nearExtension(code).get();
				notes.add(new CodeNote(Note.SUSPECT_CODE, o.code().raw(), code, code + " 与 " + near.technology()
						+ " 规范编码 " + near.code() + "（" + near.name() + "）同一亚目，但扩展码不在编码表内，未计为限制类技术"));
			}
		}
		if (!robotic.isEmpty()) {
			Occurrence first = robotic.get(0);
			Entry entry = find(first.code().code());
			Occurrence mainProcedure = main.stream()
				.filter(Occurrence::principal)
				.findFirst()
				.orElse(main.isEmpty() ? null : main.get(0));
			if (mainProcedure == null) {
				boolean unreadable = all.stream().anyMatch(a -> !a.code().isValid());
				notes.add(new CodeNote(Note.ROBOTIC_WITHOUT_MAIN, first.code().raw(), first.code().code(),
						unreadable ? "机器人辅助操作编码 " + first.code().code() + " 的主手术编码无法识别（见“编码无法识别”），未能确定机器人辅助实施的主手术"
								: "机器人辅助操作编码 " + first.code().code() + " 未伴随主手术编码"));
			}
			procedures.add(new Procedure(ROBOTIC_TECHNOLOGY, null, first.code().code(), entry.name(),
					first.principal() || (mainProcedure != null && mainProcedure.principal()),
					mainProcedure == null ? null : mainProcedure.code().code(), entry.specKey()));
		}
		return new Mapping(List.copyOf(procedures), List.copyOf(notes));
	}

	/**
	 * @param code a code of category 17.4 that is not on the G10 list
	 * @return why it is suspect: the category without subcategory (17.4, 17.40, 17.4x00)
	 * or a subcategory the regulation does not list (17.46–17.48)
	 */
	private static String unlistedRobotic(String code) {
		if (code.length() == 4 || code.charAt(4) == '0' || code.charAt(4) == 'x') {
			return code + " 为 17.4 机器人辅助操作类目，未细分到亚目（G10 规范编码表为 17.41–17.45、17.49），未计为限制类技术，请核对编码";
		}
		return code + " 属 17.4 机器人辅助操作亚目，但不在 G10 规范编码表内（17.41–17.45、17.49）";
	}

	private record Occurrence(NormalisedCode code, boolean principal) {
	}

	/**
	 * One listed code.
	 *
	 * @param technology technology code
	 * @param subTechnique sub-technique code, or null
	 * @param code the code as the spec spells it
	 * @param name its name
	 * @param specKey the edition that lists it
	 */
	record Entry(String technology, @Nullable String subTechnique, String code, String name, String specKey) {
	}

	/**
	 * A restricted procedure found in a record.
	 *
	 * @param technology technology code
	 * @param subTechnique sub-technique, or null
	 * @param code the (normalised) code that shows it
	 * @param name the listed name
	 * @param principal whether it is (or, for G10, assists) the principal procedure
	 * @param mainProcedure for G10: the code of the procedure the robot assisted, or null
	 * @param specKey the edition whose list has the code
	 */
	record Procedure(String technology, @Nullable String subTechnique, String code, String name, boolean principal,
			@Nullable String mainProcedure, String specKey) {
	}

	/** What is noted about a code that is not mapped. */
	enum Note {

		/** Not a code at all. */
		INVALID_CODE,
		/** Close to a listed code but not on the list. */
		SUSPECT_CODE,
		/** A robotic code with no procedure beside it. */
		ROBOTIC_WITHOUT_MAIN

	}

	/**
	 * A note about one code.
	 *
	 * @param note what
	 * @param raw the code as found
	 * @param code its normalised form, or null
	 * @param message Chinese explanation
	 */
	record CodeNote(Note note, String raw, @Nullable String code, @Nullable String message) {
	}

	/**
	 * The outcome for one record.
	 *
	 * @param procedures restricted procedures found
	 * @param notes notes about codes that were not mapped
	 */
	record Mapping(List<Procedure> procedures, List<CodeNote> notes) {
	}

}
