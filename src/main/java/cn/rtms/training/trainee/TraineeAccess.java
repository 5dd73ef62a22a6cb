package cn.rtms.training.trainee;

import java.util.UUID;

import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who may do what with the training file. The base's institution (its clerk, hospital
 * admin or training-base admin) keeps the file: case log, exams, conclusion. The
 * trainee's own hospital (clerk, hospital admin) enrols its physicians, submits overseas
 * trainings and exemption requests; the base enrols its own staff. An authority whose
 * jurisdiction covers the trainee's hospital assesses overseas trainings and decides
 * exemptions; authorities covering the base's or the trainee's hospital read; the
 * physician reads his own; the system admin reads everything.
 */
@Component
class TraineeAccess {

	private final AccessPolicy access;

	private final InstitutionManagement institutions;

	TraineeAccess(AccessPolicy access, InstitutionManagement institutions) {
		this.access = access;
		this.institutions = institutions;
	}

	boolean keepsBase(CurrentUser user, UUID baseInstitutionId) {
		return user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.TRAINING_BASE_ADMIN)
				&& baseInstitutionId.equals(user.institutionId());
	}

	void checkKeepsBase(CurrentUser user, UUID baseInstitutionId) {
		if (!keepsBase(user, baseInstitutionId)) {
			throw new AccessDenied("无权修改该学员培训档案（仅培训基地所在机构的医务科、医院管理员或培训基地管理员可修改）");
		}
	}

	boolean employs(CurrentUser user, UUID personInstitutionId) {
		return user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)
				&& personInstitutionId.equals(user.institutionId());
	}

	boolean governs(CurrentUser user, UUID institutionId) {
		String region = this.institutions.regionCodeOf(institutionId);
		return user.role().isAuthority() && region != null && this.access.coversRegion(user, region);
	}

	void checkGoverns(CurrentUser user, UUID institutionId) {
		if (!governs(user, institutionId)) {
			throw new AccessDenied("无权作出该决定（限辖区覆盖学员所在医疗机构的卫生健康行政部门）");
		}
	}

	boolean reads(CurrentUser user, UUID personId, UUID personInstitutionId, @Nullable UUID baseInstitutionId) {
		if (user.role() == Role.SYSTEM_ADMIN) {
			return true;
		}
		if (user.role() == Role.PHYSICIAN) {
			return personId.equals(user.personId());
		}
		if (user.role().isInstitutional()) {
			return personInstitutionId.equals(user.institutionId())
					|| (baseInstitutionId != null && baseInstitutionId.equals(user.institutionId()));
		}
		return governs(user, personInstitutionId) || (baseInstitutionId != null && governs(user, baseInstitutionId));
	}

	void checkReads(CurrentUser user, UUID personId, UUID personInstitutionId, @Nullable UUID baseInstitutionId) {
		if (!reads(user, personId, personInstitutionId, baseInstitutionId)) {
			throw new AccessDenied("无权查看该学员培训档案（不在当前账号的数据范围内）");
		}
	}

}
