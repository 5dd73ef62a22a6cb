package cn.rtms.rules.engine.spec;

/**
 * One problem found in a spec file.
 *
 * @param file the file name, e.g. G08-2022.yaml
 * @param jsonPath where in the file, e.g. {@code $.clauses[3].rule.min}
 * @param message what is wrong, in Chinese
 */
public record SpecProblem(String file, String jsonPath, String message) {

	@Override
	public String toString() {
		return this.file + " " + this.jsonPath + "：" + this.message;
	}

}
