package cn.rtms.seeds;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A movement or correction that would make a balance of the ledger negative (more seeds
 * out of the store than are in it, more implanted, returned or lost than were issued).
 * Nothing is saved. 422 {@code SEED_BALANCE_NEGATIVE}.
 */
public class SeedBalanceNegative extends ProblemException {

	/**
	 * @param detail which balance, what it is and what was asked, in Chinese
	 */
	public SeedBalanceNegative(String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "SEED_BALANCE_NEGATIVE", "粒子结存不足", detail,
				List.of(new FieldProblem("quantity", detail)));
	}

}
