package cn.rtms.cases.followup;

import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/** 404 {@code FOLLOW_UP_NOT_FOUND}: no such point, or not in the viewer's scope. */
public class FollowUpNotFound extends ProblemException {

	FollowUpNotFound(UUID id) {
		super(HttpStatus.NOT_FOUND, "FOLLOW_UP_NOT_FOUND", "随访不存在", "未找到 ID 为 " + id + " 的随访时间点", List.of());
	}

}
