package cn.rtms.cases.gate;

import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;

import org.springframework.http.HttpStatus;

/** The order-entry check's HTTP problems (RFC 9457, Chinese, stable codes). */
final class GateProblems {

	private GateProblems() {
	}

	static ProblemException invalid(String field, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_GATE_REQUEST", "请求参数有误", field + "：" + message,
				List.of(new FieldProblem(field, message)));
	}

	static ProblemException otherInstitution() {
		return new ProblemException(HttpStatus.FORBIDDEN, "GATE_OTHER_INSTITUTION", "无权查询其他医疗机构",
				"API 密钥属于另一家医疗机构：只能查询本院（institution 须为密钥所属机构，或省略）", List.of());
	}

	static ProblemException unknownTechnology(String technology) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "UNKNOWN_TECHNOLOGY", "未知的限制类技术",
				"technology：限制类技术目录中没有编码为 " + technology + " 的技术",
				List.of(new FieldProblem("technology", "未知的技术编码 " + technology)));
	}

	static ProblemException overrideNotFound(UUID id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "GATE_OVERRIDE_NOT_FOUND", "紧急放行记录不存在",
				"未找到 ID 为 " + id + " 的紧急放行记录", List.of());
	}

	static ProblemException alreadyConfirmed(UUID id) {
		return new ProblemException(HttpStatus.CONFLICT, "GATE_OVERRIDE_CONFIRMED", "紧急放行已确认",
				"紧急放行记录 " + id + " 已经确认过，不能重复确认", List.of());
	}

}
