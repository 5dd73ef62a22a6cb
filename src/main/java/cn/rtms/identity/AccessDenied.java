package cn.rtms.identity;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The current user may not do or see this. 403 {@code FORBIDDEN}, with a Chinese detail
 * naming what was refused.
 */
public class AccessDenied extends ProblemException {

	/**
	 * @param detail Chinese explanation, e.g. "无权访问该医疗机构的数据"
	 */
	public AccessDenied(String detail) {
		super(HttpStatus.FORBIDDEN, "FORBIDDEN", "无权访问", detail, List.of());
	}

}
