package cn.rtms.seeds;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A ledger entry that is inconsistent as sent. 422 {@code INVALID_SEED_ENTRY}. */
public class InvalidSeedEntry extends ProblemException {

	/**
	 * @param field the offending field
	 * @param message why, in Chinese
	 */
	public InvalidSeedEntry(String field, String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_SEED_ENTRY", "粒子台账登记有误", message,
				List.of(new FieldProblem(field, message)));
	}

}
