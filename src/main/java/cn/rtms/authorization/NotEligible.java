package cn.rtms.authorization;

import java.util.List;

import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.EligibilityReport.ClauseResult;
import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The eligibility engine's verdict is not MET, so the grant is refused. 422
 * {@code NOT_ELIGIBLE} with properties {@code eligibilityStatus},
 * {@code eligibilityStatusLabel}, {@code specKey} and {@code clauses} (citation, status,
 * statusLabel, explanation of every clause that is not met, including those awaiting a
 * reviewer's confirmation).
 */
public class NotEligible extends ProblemException {

	/**
	 * @param report the physician's report for the technology
	 */
	public NotEligible(EligibilityReport report) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_ELIGIBLE", "不符合授权条件", detail(report), List.of());
		getBody().setProperty("eligibilityStatus", report.status());
		getBody().setProperty("eligibilityStatusLabel", report.statusLabel());
		getBody().setProperty("specKey", report.specKey());
		getBody().setProperty("clauses",
				failing(report).stream()
					.map(c -> new FailingClause(c.citation(), c.status(), c.statusLabel(), c.explanation()))
					.toList());
	}

	static List<ClauseResult> failing(EligibilityReport report) {
		return report.clauses()
			.stream()
			.filter(c -> !"MET".equals(c.status()) && !"NOT_APPLICABLE".equals(c.status()))
			.toList();
	}

	private static String detail(EligibilityReport report) {
		List<ClauseResult> failing = failing(report);
		String name = report.subjectName() == null ? "该医师" : report.subjectName();
		if ("NEEDS_ATTESTATION".equals(report.status())) {
			return name + " 的各项规则均已满足，但以下条款尚待审核确认，请先在人员档案中录入确认记录后再授权："
					+ String.join("、", failing.stream().map(ClauseResult::citation).toList());
		}
		return name + " 不符合 " + report.specKey() + " 的授权条件（" + report.statusLabel() + "），不能授权："
				+ String.join("；", failing.stream().map(c -> c.citation() + " " + c.explanation()).toList());
	}

	/**
	 * A clause that keeps the physician from qualifying.
	 *
	 * @param citation e.g. G08/2022 二(一)2
	 * @param status verdict code
	 * @param statusLabel verdict in Chinese
	 * @param explanation why, with actual vs required
	 */
	public record FailingClause(String citation, String status, String statusLabel, String explanation) {
	}

}
