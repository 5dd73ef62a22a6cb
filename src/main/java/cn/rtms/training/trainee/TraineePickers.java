package cn.rtms.training.trainee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonDetails.TitleRecord;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.personnel.Title;
import cn.rtms.training.TrainingBaseDirectory;
import cn.rtms.training.TrainingBaseRef;
import cn.rtms.training.trainee.TraineeModel.FileView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the trainee pages offer in their pickers instead of typed ids (docs/training.md
 * "Pickers"): the bases filed for a technology today (to enrol at) and the instructors of
 * a file's base on a day (to log a case with). Both are reads; the people picker uses the
 * personnel module's own scoped search.
 */
@Service
public class TraineePickers {

	private final IdentityManagement identity;

	private final TraineeFiles files;

	private final TraineeAccess access;

	private final TrainingBaseDirectory bases;

	private final InstitutionManagement institutions;

	private final PersonnelManagement people;

	private final Clock clock;

	TraineePickers(IdentityManagement identity, TraineeFiles files, TraineeAccess access, TrainingBaseDirectory bases,
			InstitutionManagement institutions, PersonnelManagement people, Clock clock) {
		this.identity = identity;
		this.files = files;
		this.access = access;
		this.bases = bases;
		this.institutions = institutions;
		this.people = people;
		this.clock = clock;
	}

	/**
	 * The bases filed for a technology today, which a trainee may be enrolled at. Filed
	 * bases are public (the public list of filed bases); this list adds their ids and is
	 * for the accounts that enrol (医务科, 医院管理员, 培训基地管理员: the own institution's bases only)
	 * and the authorities.
	 * @param technology only this technology, or all when blank
	 * @return the bases, by technology and filing date
	 */
	@Transactional(readOnly = true)
	public List<BaseOption> enrolmentBases(@Nullable String technology) {
		CurrentUser user = this.identity.currentUser();
		if (!user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.TRAINING_BASE_ADMIN, Role.SYSTEM_ADMIN)
				&& !user.role().isAuthority()) {
			throw new AccessDenied("无权查看可报名的培训基地（限医疗机构医务科、医院管理员、培训基地管理员及卫生健康行政部门）");
		}
		String code = (technology == null || technology.isBlank()) ? null : technology.strip();
		// a training-base administrator enrols at the own institution's bases only
		// (TraineeAccess)
		UUID ownBasesOnly = user.hasRole(Role.TRAINING_BASE_ADMIN) ? user.institutionId() : null;
		return this.bases.filedOn(code, LocalDate.now(this.clock))
			.stream()
			.filter(b -> ownBasesOnly == null || ownBasesOnly.equals(b.institutionId()))
			.map(b -> new BaseOption(b.id(), b.institutionId(), this.institutions.nameOf(b.institutionId()),
					b.technology(), b.filedOn()))
			.toList();
	}

	/**
	 * The instructors of a file's base on a day, for the account that keeps the file (the
	 * same rule as logging a case: {@code TRAINEE_INSTRUCTOR_NOT_QUALIFIED} refuses
	 * anyone else).
	 * @param fileId the trainee file
	 * @param day the day of the case
	 * @return the instructors with their title that day, by name
	 */
	@Transactional(readOnly = true)
	public List<InstructorOption> instructors(UUID fileId, @Nullable LocalDate day) {
		CurrentUser user = this.identity.currentUser();
		FileView file = this.files.load(fileId, user);
		this.access.checkKeepsBase(user, file.baseInstitutionId());
		if (day == null) {
			throw TraineeProblem.invalid("on", "请先选择病例日期");
		}
		return this.bases.instructorsOn(file.baseId(), day)
			.stream()
			.map(id -> option(id, day))
			.sorted(Comparator.comparing(InstructorOption::name))
			.toList();
	}

	private InstructorOption option(UUID personId, LocalDate day) {
		try {
			PersonDetails person = this.people.get(personId);
			Title title = titleOn(person, day);
			return new InstructorOption(personId, person.name(), title == null ? null : title.label());
		}
		catch (RuntimeException ex) {
			return new InstructorOption(personId, "指导医师", null);
		}
	}

	static @Nullable Title titleOn(PersonDetails person, LocalDate day) {
		List<TitleRecord> titles = person.titles();
		if (titles == null) {
			return null;
		}
		return titles.stream()
			.filter(t -> !t.since().isAfter(day))
			.map(TitleRecord::title)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	/**
	 * A base a trainee may be enrolled at.
	 *
	 * @param id the base
	 * @param institutionId the institution that runs it
	 * @param institutionName its name
	 * @param technology the technology code
	 * @param filedOn the day it was filed
	 */
	public record BaseOption(UUID id, UUID institutionId, @Nullable String institutionName, String technology,
			@Nullable LocalDate filedOn) {
	}

	/**
	 * An instructor of the base on a day.
	 *
	 * @param personId the person
	 * @param name the name
	 * @param title the title held that day, {@code null} when none recorded
	 */
	public record InstructorOption(UUID personId, String name, @Nullable String title) {
	}

}
