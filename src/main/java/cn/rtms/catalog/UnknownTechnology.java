package cn.rtms.catalog;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Raised when a technology code is not in any catalogue. Maps to 404 with code
 * {@code TECHNOLOGY_NOT_FOUND}.
 */
public class UnknownTechnology extends ProblemException {

	/**
	 * @param code the code that was asked for
	 */
	public UnknownTechnology(String code) {
		super(HttpStatus.NOT_FOUND, "TECHNOLOGY_NOT_FOUND", "未知的技术代码", "限制类技术目录中没有代码为 “" + code + "” 的技术", List.of());
	}

}
