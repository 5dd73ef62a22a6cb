package cn.rtms.institutions;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A hospital user tried to change its own region, level, type or practice licence: 403
 * {@code JURISDICTION_CHANGE_REFUSED}, the detail naming the fields.
 */
public class JurisdictionChangeRefused extends ProblemException {

	/**
	 * @param detail Chinese explanation naming the refused fields
	 */
	public JurisdictionChangeRefused(String detail) {
		super(HttpStatus.FORBIDDEN, "JURISDICTION_CHANGE_REFUSED", "不能修改管辖与资质信息", detail, List.of());
	}

}
