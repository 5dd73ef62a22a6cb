package cn.rtms.rules.engine.facts;

import tools.jackson.core.JacksonException;

/**
 * A facts document does not match docs/facts-format.md. The message is in Chinese and
 * names the path.
 */
public class InvalidFactsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Wraps a parse error.
	 * @param cause the Jackson error
	 */
	public InvalidFactsException(JacksonException cause) {
		super("事实数据格式错误：" + cause.getPathReference() + "：" + cause.getOriginalMessage(), cause);
	}

}
