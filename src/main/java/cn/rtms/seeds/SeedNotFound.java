package cn.rtms.seeds;

import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A lot, movement or incident of the seed ledger that does not exist. 404
 * {@code SEED_NOT_FOUND}.
 */
public class SeedNotFound extends ProblemException {

	/**
	 * @param what what was looked for, in Chinese (e.g. 粒子批次)
	 * @param id its id
	 */
	public SeedNotFound(String what, UUID id) {
		super(HttpStatus.NOT_FOUND, "SEED_NOT_FOUND", "记录不存在", what + "不存在：" + id, List.of());
	}

}
