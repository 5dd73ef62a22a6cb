package cn.rtms.institutions;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * No institution with the given id (or not visible). 404 {@code INSTITUTION_NOT_FOUND}.
 */
public class InstitutionNotFound extends ProblemException {

	/**
	 * @param id the id asked for
	 */
	public InstitutionNotFound(Object id) {
		super(HttpStatus.NOT_FOUND, "INSTITUTION_NOT_FOUND", "医疗机构不存在", "未找到 ID 为 " + id + " 的医疗机构", List.of());
	}

}
