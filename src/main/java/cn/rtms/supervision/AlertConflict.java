package cn.rtms.supervision;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The alert cannot be acknowledged now: closed, or already acknowledged by the viewer's
 * side in this episode; or a refresh is already running. 409.
 */
public class AlertConflict extends ProblemException {

	AlertConflict(String code, String title, String detail) {
		super(HttpStatus.CONFLICT, code, title, detail, List.of());
	}

}
