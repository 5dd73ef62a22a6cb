package cn.rtms.identity;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** Nobody is logged in (or the session expired). 401 {@code UNAUTHENTICATED}. */
public class NotAuthenticated extends ProblemException {

	/** A request without a valid session. */
	public NotAuthenticated() {
		super(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "未登录", "请先登录（会话不存在或已超时）", List.of());
	}

}
