package cn.rtms.audit;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An edit based on an older version than the record's current one (a lost update
 * prevented): 409 {@code STALE_EDIT}; nothing was saved. The detail says who changed the
 * record and when, and the field errors name the fields changed since the caller's
 * version. A missing version is 400 {@code VERSION_REQUIRED}.
 */
public class StaleEdit extends ProblemException {

	StaleEdit(String detail, List<FieldProblem> changed) {
		super(HttpStatus.CONFLICT, "STALE_EDIT", "记录已被他人修改", detail, changed);
	}

	/**
	 * @param what the record in Chinese, e.g. "医疗机构"
	 * @return the 400 problem for an edit that does not say which version it is based on
	 */
	public static ProblemException versionRequired(String what) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "VERSION_REQUIRED", "缺少版本号",
				"修改" + what + "时必须提供 version（读取记录时得到的版本号），以免覆盖他人的修改", List.of(new FieldProblem("version", "不能为空")));
	}

}
