package cn.rtms.personnel;

import java.util.List;
import java.util.stream.Collectors;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A person record that breaks a rule (impossible dates, unknown codes…); nothing was
 * saved. 422 {@code INVALID_PERSON}.
 */
public class InvalidPerson extends ProblemException {

	/**
	 * @param errors every problem found, each naming its field
	 */
	public InvalidPerson(List<FieldProblem> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_PERSON", "人员信息有误",
				"人员信息有误，未保存："
						+ errors.stream().map(e -> e.field() + "：" + e.message()).collect(Collectors.joining("；")),
				errors);
	}

}
