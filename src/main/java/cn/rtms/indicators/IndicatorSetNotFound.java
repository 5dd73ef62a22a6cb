package cn.rtms.indicators;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.rtms.web.ProblemException;

/** No indicator set with this key: 404 {@code INDICATOR_SET_NOT_FOUND}. */
public class IndicatorSetNotFound extends ProblemException {

	IndicatorSetNotFound(String key) {
		super(HttpStatus.NOT_FOUND, "INDICATOR_SET_NOT_FOUND", "指标集不存在", "指标集 " + key + " 不存在", List.of());
	}

}
