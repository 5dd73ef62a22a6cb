package cn.rtms.personnel;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** No person with the given id. 404 {@code PERSON_NOT_FOUND}. */
public class PersonNotFound extends ProblemException {

	/**
	 * @param id the id asked for
	 */
	public PersonNotFound(Object id) {
		super(HttpStatus.NOT_FOUND, "PERSON_NOT_FOUND", "人员不存在", "未找到 ID 为 " + id + " 的人员", List.of());
	}

}
