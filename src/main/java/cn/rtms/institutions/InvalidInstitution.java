package cn.rtms.institutions;

import java.util.List;
import java.util.stream.Collectors;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An institution record that breaks a business rule; nothing was saved. 422
 * {@code INVALID_INSTITUTION}.
 */
public class InvalidInstitution extends ProblemException {

	/**
	 * @param errors every problem found, each naming its field
	 */
	public InvalidInstitution(List<FieldProblem> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_INSTITUTION", "医疗机构信息有误",
				"医疗机构信息有误，未保存："
						+ errors.stream().map(e -> e.field() + "：" + e.message()).collect(Collectors.joining("；")),
				errors);
	}

}
