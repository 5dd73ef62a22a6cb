package cn.rtms.indicators.definition;

/**
 * One problem found in an indicator file.
 *
 * @param file the file name, e.g. G08-2023.yaml
 * @param jsonPath where in the file, e.g. {@code $.indicators[0].numerator.where.all[1]}
 * @param message what is wrong, in Chinese
 */
public record DictionaryProblem(String file, String jsonPath, String message) {

	@Override
	public String toString() {
		return this.file + " " + this.jsonPath + "：" + this.message;
	}

}
