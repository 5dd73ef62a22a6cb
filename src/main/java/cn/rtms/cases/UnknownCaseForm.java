package cn.rtms.cases;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** No case form for a technology or key: 404 {@code UNKNOWN_CASE_FORM}. */
public class UnknownCaseForm extends ProblemException {

	UnknownCaseForm(String what) {
		super(HttpStatus.NOT_FOUND, "UNKNOWN_CASE_FORM", "没有该病例表单", "没有 " + what + " 的病例登记表单（病例表单按技术及规范版本定义）",
				List.of());
	}

}
