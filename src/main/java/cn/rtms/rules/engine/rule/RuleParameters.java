package cn.rtms.rules.engine.rule;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The parameters of one rule as read from a spec file. Implemented by the spec loader,
 * which reports problems with the JSON path of the parameter. Getters for required
 * parameters report a problem and return a harmless default when the parameter is
 * missing, so that all problems of a file are found at once.
 */
public interface RuleParameters {

	/**
	 * Returns a required non-negative integer.
	 * @param name parameter name
	 * @return the value (0 after reporting a problem)
	 */
	int requiredCount(String name);

	/**
	 * Returns an optional non-negative integer.
	 * @param name parameter name
	 * @return the value or {@code null}
	 */
	@Nullable Integer optionalCount(String name);

	/**
	 * Returns a required non-blank string.
	 * @param name parameter name
	 * @return the value ("" after reporting a problem)
	 */
	String requiredString(String name);

	/**
	 * Returns a list of strings, empty when absent.
	 * @param name parameter name
	 * @return the values
	 */
	List<String> strings(String name);

	/**
	 * Returns an optional boolean.
	 * @param name parameter name
	 * @return the value or {@code null}
	 */
	@Nullable Boolean optionalBoolean(String name);

	/**
	 * Returns a required enum constant.
	 * @param <E> the enum type
	 * @param name parameter name
	 * @param type the enum class
	 * @return the value (the first constant after reporting a problem)
	 */
	<E extends Enum<E>> E requiredEnum(String name, Class<E> type);

	/**
	 * Returns an optional enum constant.
	 * @param <E> the enum type
	 * @param name parameter name
	 * @param type the enum class
	 * @return the value or {@code null}
	 */
	<E extends Enum<E>> @Nullable E optionalEnum(String name, Class<E> type);

	/**
	 * Returns a list of enum constants, empty when absent.
	 * @param <E> the enum type
	 * @param name parameter name
	 * @param type the enum class
	 * @return the values
	 */
	<E extends Enum<E>> List<E> enums(String name, Class<E> type);

	/**
	 * Returns a nested object's parameters.
	 * @param name parameter name
	 * @return the nested parameters or {@code null} when absent
	 */
	@Nullable RuleParameters object(String name);

	/**
	 * Returns the parameters of each object in a required non-empty list.
	 * @param name parameter name
	 * @return the nested parameters (empty after reporting a problem)
	 */
	List<RuleParameters> objects(String name);

	/**
	 * Returns nested rules (for composites), each parsed and checked.
	 * @param name parameter name
	 * @return the rules
	 */
	List<Rule> rules(String name);

	/**
	 * Returns one nested rule, parsed and checked; reports a problem when absent.
	 * @param name parameter name
	 * @return the rule, or {@code null} after reporting a problem
	 */
	@Nullable Rule rule(String name);

	/**
	 * Whether the parameter is present.
	 * @param name parameter name
	 * @return {@code true} if present
	 */
	boolean has(String name);

	/**
	 * Reports a semantic problem with a parameter.
	 * @param name parameter name ("" for the rule itself)
	 * @param message Chinese message
	 */
	void problem(String name, String message);

}
