package cn.rtms.training;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read access to training bases and their instructors for the trainee file (no access
 * checks: callers check the acting user's scope first).
 */
@Component
public class TrainingBaseDirectory {

	private final JdbcClient jdbc;

	TrainingBaseDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Finds a base.
	 * @param id the base
	 * @return the base, empty when unknown
	 */
	public Optional<TrainingBaseRef> find(UUID id) {
		return this.jdbc
			.sql("select id, institution_id, technology, status, filed_on, revoked_on from training.training_base"
					+ " where id = ?")
			.param(id)
			.query((rs, n) -> new TrainingBaseRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), TrainingBaseStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class)))
			.optional();
	}

	/**
	 * The people who were instructors (指导医师) of a base on a day.
	 * @param baseId the base
	 * @param day the day
	 * @return their person ids
	 */
	public List<UUID> instructorsOn(UUID baseId, LocalDate day) {
		return this.jdbc
			.sql("select distinct person_id from training.training_base_instructor where base_id = ? and since <= ?"
					+ " and (until is null or until >= ?)")
			.params(baseId, day, day)
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.list();
	}

	/**
	 * The bases filed for their technology on a day (the enrolment picker): filed on or
	 * before it and not revoked on or before it.
	 * @param technology only this technology, or all when {@code null}
	 * @param day the day
	 * @return the bases, by technology and filing date
	 */
	public List<TrainingBaseRef> filedOn(@Nullable String technology, LocalDate day) {
		return this.jdbc
			.sql("select id, institution_id, technology, status, filed_on, revoked_on from training.training_base"
					+ " where filed_on is not null and filed_on <= ? and (revoked_on is null or revoked_on > ?)"
					+ " and (cast(? as text) is null or technology = ?) order by technology, filed_on, id")
			.params(day, day, technology, technology)
			.query((rs, n) -> new TrainingBaseRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), TrainingBaseStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class)))
			.list();
	}

}
