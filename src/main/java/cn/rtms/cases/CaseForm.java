package cn.rtms.cases;

import java.util.List;
import java.util.Optional;

/**
 * The case-form definition of one technology edition ({@code case-forms/<key>.yaml}): the
 * technology-specific fields of a case report and the follow-up schedule. The UI form and
 * the Excel template are generated from {@link CaseForms#commonFields} plus
 * {@link #fields()}; adding a field is a change of the YAML file only.
 *
 * @param key {@code <technology>-<edition>}, e.g. {@code G08-2023}, equal to the key of
 * the requirement spec it belongs to
 * @param technology technology code
 * @param edition edition of the spec
 * @param title Chinese title of the form
 * @param followUps follow-up points, earliest first
 * @param fields technology-specific fields, in display order
 * @param complicationTypes the codes a complication's {@link Complication#type()} may
 * take (e.g. the four 严重并发症 of the ablation QC indicator 4 and {@code OTHER}); empty when
 * the form classifies none
 * @param notes how the definition reads the regulation (Chinese)
 */
public record CaseForm(String key, String technology, String edition, String title, List<FollowUpPoint> followUps,
		List<CaseField> fields, List<CaseField.Option> complicationTypes, List<String> notes) {

	/**
	 * Copies the lists.
	 */
	public CaseForm {
		followUps = List.copyOf(followUps);
		fields = List.copyOf(fields);
		complicationTypes = (complicationTypes == null) ? List.of() : List.copyOf(complicationTypes);
		notes = List.copyOf(notes);
	}

	/**
	 * @param code a complication type code
	 * @return the type, if this form offers it
	 */
	public Optional<CaseField.Option> complicationType(String code) {
		return this.complicationTypes.stream().filter(o -> o.code().equals(code)).findFirst();
	}

	/**
	 * @param fieldKey a field key
	 * @return the field, if the form has it
	 */
	public Optional<CaseField> field(String fieldKey) {
		return this.fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
	}

}
