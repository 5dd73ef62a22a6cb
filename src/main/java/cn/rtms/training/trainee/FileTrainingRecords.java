package cn.rtms.training.trainee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.rules.TrainingRecordSource;
import cn.rtms.training.TrainingBaseDirectory;
import cn.rtms.training.trainee.TraineeModel.FileView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The training file as the eligibility engine reads it (ADR 0032): a file concluded 合格
 * counts with the base's filing on the conclusion day (a base not filed for the
 * technology that day gives a training with {@code baseFiled = false}, which the "trained
 * at a filed base" clauses refuse); an accepted overseas training counts as abroad. An
 * approved exemption (免于培训) is not a training: {@link #exemptionsOf} gives it to the
 * engine as a grant of its own, which satisfies the exemption pathway of the edition it
 * was approved under however old it is.
 */
@Component
class FileTrainingRecords implements TrainingRecordSource {

	private final JdbcClient jdbc;

	private final TraineeFiles files;

	private final TrainingBaseDirectory bases;

	private final TrainingFileChanges changes;

	FileTrainingRecords(JdbcClient jdbc, TraineeFiles files, TrainingBaseDirectory bases, TrainingFileChanges changes) {
		this.jdbc = jdbc;
		this.files = files;
		this.bases = bases;
		this.changes = changes;
	}

	@Override
	public Map<UUID, List<FileTraining>> trainingsOf(Collection<UUID> personIds) {
		if (personIds.isEmpty()) {
			return Map.of();
		}
		UUID[] ids = personIds.toArray(UUID[]::new);
		Map<UUID, List<FileTraining>> result = new HashMap<>();
		for (UUID fileId : this.jdbc
			.sql("select id from training.trainee_file where person_id = any(?) and conclusion = 'PASSED'"
					+ " order by concluded_on, id")
			.param(ids)
			.query(UUID.class)
			.list()) {
			FileView file = this.files.loadUnchecked(fileId);
			LocalDate completed = file.concludedOn();
			boolean filed = completed != null
					&& this.bases.find(file.baseId()).map(b -> b.filedOn(completed)).orElse(false);
			result.computeIfAbsent(file.personId(), k -> new ArrayList<>()).add(this.files.asTraining(file, filed));
		}
		this.jdbc.sql("""
				select person_id, technology, host, country, started_on, ended_on from training.overseas_training
				where person_id = any(?) and status = 'ACCEPTED' order by ended_on, id""").param(ids).query((rs, n) -> {
			UUID person = rs.getObject(1, UUID.class);
			result.computeIfAbsent(person, k -> new ArrayList<>())
				.add(new FileTraining(rs.getString(2), rs.getString(3) + "（" + rs.getString(4) + "）", null, true,
						rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), null, null, null, null,
						true, Origin.OVERSEAS));
			return person;
		}).list();
		return result;
	}

	@Override
	public Map<UUID, List<GrantedExemption>> exemptionsOf(Collection<UUID> personIds) {
		if (personIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, List<GrantedExemption>> result = new HashMap<>();
		this.jdbc.sql("""
				select person_id, technology, spec_key, decided_on, decided_by from training.training_exemption
				where person_id = any(?) and status = 'APPROVED' order by decided_on, id""")
			.param(personIds.toArray(UUID[]::new))
			.query((rs, n) -> {
				UUID person = rs.getObject(1, UUID.class);
				result.computeIfAbsent(person, k -> new ArrayList<>())
					.add(new GrantedExemption(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
							rs.getString(5)));
				return person;
			})
			.list();
		return result;
	}

	@Override
	public long revision(UUID institutionId) {
		return this.changes.revision(institutionId);
	}

}
