package cn.rtms.cases.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One or more case-form files failed to load. The message names every file, path and
 * problem, in Chinese, e.g.
 * {@code 病例表单文件 G08-2023.yaml 校验失败：$.fields[2].max：最大值 5 小于最小值 10}.
 */
public class CaseFormInvalid extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<CaseFormProblem> problems;

	/**
	 * @param problems the problems (at least one)
	 */
	public CaseFormInvalid(List<CaseFormProblem> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * @return every problem
	 */
	public List<CaseFormProblem> problems() {
		return this.problems;
	}

	private static String message(List<CaseFormProblem> problems) {
		Set<String> files = new LinkedHashSet<>();
		problems.forEach(p -> files.add(p.file()));
		List<String> parts = new ArrayList<>();
		for (String file : files) {
			List<String> lines = new ArrayList<>();
			for (CaseFormProblem problem : problems) {
				if (problem.file().equals(file)) {
					lines.add(problem.jsonPath() + "：" + problem.message());
				}
			}
			parts.add("病例表单文件 " + file + " 校验失败：" + String.join("；", lines));
		}
		return String.join("\n", parts);
	}

}
