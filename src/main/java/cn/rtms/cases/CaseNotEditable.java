package cn.rtms.cases;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The operation does not fit the case's state (editing or deleting a submitted case,
 * amending a draft): 409 {@code CASE_NOT_EDITABLE} naming the state.
 */
public class CaseNotEditable extends ProblemException {

	CaseNotEditable(String status, String detail) {
		super(HttpStatus.CONFLICT, "CASE_NOT_EDITABLE", "病例当前状态不允许此操作", detail, List.of());
		getBody().setProperty("caseStatus", status);
	}

}
