package cn.rtms.rules;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** No spec edition with the given key. 404 {@code SPEC_NOT_FOUND}. */
public class SpecNotFound extends ProblemException {

	/**
	 * @param key the key asked for, e.g. {@code G08-2022}
	 */
	public SpecNotFound(String key) {
		super(HttpStatus.NOT_FOUND, "SPEC_NOT_FOUND", "管理规范不存在", "未找到管理规范 “" + key + "”（格式：技术代码-版本，如 G08-2022）",
				List.of());
	}

}
