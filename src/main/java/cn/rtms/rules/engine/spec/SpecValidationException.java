package cn.rtms.rules.engine.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A spec file (or several) failed to load. The message names every file, path and
 * problem, in Chinese, e.g.
 * {@code 规范文件 G08-2022.yaml 校验失败：$.clauses[3].rule.min：必须为非负整数}.
 */
public class SpecValidationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<SpecProblem> problems;

	/**
	 * Creates the exception.
	 * @param problems the problems (at least one)
	 */
	public SpecValidationException(List<SpecProblem> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Returns every problem.
	 * @return the problems
	 */
	public List<SpecProblem> problems() {
		return this.problems;
	}

	private static String message(List<SpecProblem> problems) {
		Set<String> files = new LinkedHashSet<>();
		for (SpecProblem problem : problems) {
			files.add(problem.file());
		}
		List<String> parts = new ArrayList<>();
		for (String file : files) {
			List<String> lines = new ArrayList<>();
			for (SpecProblem problem : problems) {
				if (problem.file().equals(file)) {
					lines.add(problem.jsonPath() + "：" + problem.message());
				}
			}
			parts.add("规范文件 " + file + " 校验失败：" + String.join("；", lines));
		}
		return String.join("\n", parts);
	}

}
