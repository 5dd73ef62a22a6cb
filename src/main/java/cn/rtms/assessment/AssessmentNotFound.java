package cn.rtms.assessment;

import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** No capability assessment with that id. 404 {@code ASSESSMENT_NOT_FOUND}. */
public class AssessmentNotFound extends ProblemException {

	/**
	 * @param id the id asked for
	 */
	public AssessmentNotFound(UUID id) {
		super(HttpStatus.NOT_FOUND, "ASSESSMENT_NOT_FOUND", "能力评估不存在", "没有编号为 " + id + " 的能力评估", List.of());
	}

}
