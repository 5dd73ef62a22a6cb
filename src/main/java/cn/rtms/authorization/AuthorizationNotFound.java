package cn.rtms.authorization;

import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** No authorization record with this id. 404 {@code AUTHORIZATION_NOT_FOUND}. */
public class AuthorizationNotFound extends ProblemException {

	/**
	 * @param id the id asked for
	 */
	public AuthorizationNotFound(UUID id) {
		super(HttpStatus.NOT_FOUND, "AUTHORIZATION_NOT_FOUND", "授权记录不存在", "授权记录 " + id + " 不存在", List.of());
	}

}
