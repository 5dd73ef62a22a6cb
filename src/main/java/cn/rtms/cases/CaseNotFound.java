package cn.rtms.cases;

import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** No case report with this id: 404 {@code CASE_NOT_FOUND}. */
public class CaseNotFound extends ProblemException {

	CaseNotFound(UUID id) {
		super(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "病例不存在", "病例 " + id + " 不存在", List.of());
	}

}
