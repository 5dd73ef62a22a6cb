package cn.rtms.cases.domain;

/**
 * One problem found in a case-form file.
 *
 * @param file the file name, e.g. G08-2023.yaml
 * @param jsonPath where in the file, e.g. {@code $.fields[3].max}
 * @param message what is wrong, in Chinese
 */
public record CaseFormProblem(String file, String jsonPath, String message) {

	@Override
	public String toString() {
		return this.file + " " + this.jsonPath + "：" + this.message;
	}

}
