package cn.rtms.equipment;

import java.util.List;
import java.util.stream.Collectors;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Register input that breaks a rule; nothing was saved. 422 {@code INVALID_EQUIPMENT}.
 */
public class InvalidEquipment extends ProblemException {

	/**
	 * @param errors every problem found, each naming its field
	 */
	public InvalidEquipment(List<FieldProblem> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_EQUIPMENT", "设备信息有误",
				"设备信息有误，未保存："
						+ errors.stream().map(e -> e.field() + "：" + e.message()).collect(Collectors.joining("；")),
				errors);
	}

	/**
	 * @param field the field
	 * @param message why, in Chinese
	 */
	public InvalidEquipment(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

}
