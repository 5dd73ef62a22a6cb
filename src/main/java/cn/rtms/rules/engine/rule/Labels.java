package cn.rtms.rules.engine.rule;

import java.util.Set;

import cn.rtms.catalog.CodeDictionary;

/**
 * Chinese names of the facility, equipment, licence and specialty codes used in spec
 * files, read from the platform's code dictionary ({@link CodeDictionary}, groups
 * {@code facility}, {@code equipment}, {@code licence}, {@code specialty}): explanations
 * name 电动取皮刀, never ELECTRIC_DERMATOME.
 */
public final class Labels {

	private static final CodeDictionary DICTIONARY = CodeDictionary.standard();

	private Labels() {
	}

	/**
	 * Returns the facility codes that have a Chinese name.
	 * @return the codes
	 */
	public static Set<String> facilityCodes() {
		return DICTIONARY.group("facility").keySet();
	}

	/**
	 * Returns the equipment codes that have a Chinese name.
	 * @return the codes
	 */
	public static Set<String> equipmentCodes() {
		return DICTIONARY.group("equipment").keySet();
	}

	/**
	 * Returns the Chinese name of a facility code.
	 * @param code e.g. PACU
	 * @return the name, or the code when unknown
	 */
	public static String facility(String code) {
		return DICTIONARY.label("facility", code);
	}

	/**
	 * Returns the Chinese name of an equipment code.
	 * @param code e.g. MRI
	 * @return the name, or the code when unknown
	 */
	public static String equipment(String code) {
		return DICTIONARY.label("equipment", code);
	}

	/**
	 * Returns the specialty codes of 专科 hospitals.
	 * @return the codes
	 */
	public static Set<String> specialtyCodes() {
		return DICTIONARY.group("specialty").keySet();
	}

	/**
	 * Returns the Chinese name of a specialty code, e.g. 口腔 for STOMATOLOGY.
	 * @param code the code
	 * @return the name, or the code when unknown
	 */
	public static String specialty(String code) {
		return DICTIONARY.label("specialty", code);
	}

	/**
	 * Returns the Chinese name of a licence code.
	 * @param code e.g. RADIOLOGY
	 * @return the name, or the code when unknown
	 */
	public static String licence(String code) {
		return DICTIONARY.label("licence", code);
	}

}
