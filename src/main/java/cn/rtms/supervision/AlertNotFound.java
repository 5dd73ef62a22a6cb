package cn.rtms.supervision;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * No alert with that id in the current user's scope (another region's or hospital's alert
 * is not found either). 404 {@code ALERT_NOT_FOUND}.
 */
public class AlertNotFound extends ProblemException {

	AlertNotFound() {
		super(HttpStatus.NOT_FOUND, "ALERT_NOT_FOUND", "预警不存在", "预警不存在或不在当前账号的数据范围内", List.of());
	}

}
