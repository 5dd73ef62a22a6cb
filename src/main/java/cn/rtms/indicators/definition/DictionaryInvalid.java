package cn.rtms.indicators.definition;

import java.util.List;
import java.util.stream.Collectors;

/** The indicator dictionary has problems; startup fails naming every one. */
public class DictionaryInvalid extends RuntimeException {

	private final List<DictionaryProblem> problems;

	/**
	 * @param problems the problems, at least one
	 */
	public DictionaryInvalid(List<DictionaryProblem> problems) {
		super("质控指标字典有误：\n" + problems.stream().map(DictionaryProblem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * @return the problems
	 */
	public List<DictionaryProblem> problems() {
		return this.problems;
	}

}
