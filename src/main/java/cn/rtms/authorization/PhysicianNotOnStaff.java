package cn.rtms.authorization;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The physician of a PENDING application no longer practises at the institution (moved to
 * another or his registration there ended), so the institution can no longer grant it.
 * 422 {@code PHYSICIAN_NOT_ON_STAFF}. The other institution is not named: it is none of
 * the old one's business.
 */
public class PhysicianNotOnStaff extends ProblemException {

	/**
	 * @param physician the physician's name
	 */
	public PhysicianNotOnStaff(String physician) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "PHYSICIAN_NOT_ON_STAFF", "医师已不在本机构执业",
				physician + " 已不在本机构执业（已调离或执业注册已变更），不能再授予本机构的限制类技术授权；请驳回该申请", List.of());
	}

}
