package cn.rtms.authorization;

import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The record changed since the caller read it (stale {@code version}). 409
 * {@code CONCURRENT_MODIFICATION}.
 */
public class ConcurrentModification extends ProblemException {

	/**
	 * @param id the record
	 */
	public ConcurrentModification(UUID id) {
		super(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "记录已被他人修改", "授权记录 " + id + " 已被他人修改，请刷新后重试", List.of());
	}

}
