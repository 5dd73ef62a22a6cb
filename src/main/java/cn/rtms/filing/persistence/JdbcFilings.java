package cn.rtms.filing.persistence;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.filing.FilingConcurrentlyModified;
import cn.rtms.filing.FilingAlreadyExists;
import cn.rtms.filing.domain.Filing;
import cn.rtms.filing.domain.FilingData;
import cn.rtms.filing.domain.FilingState;
import cn.rtms.filing.domain.Filings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link Filings} on PostgreSQL: one row per filing with the aggregate as JSONB,
 * optimistic lock on version.
 */
@Repository
class JdbcFilings implements Filings {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	JdbcFilings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Filing> find(UUID id) {
		return this.jdbc.sql("select version, body::text from filing.filing where id = :id")
			.param("id", id)
			.query((rs, n) -> read(rs.getString(2), rs.getLong(1)))
			.optional()
			.map(Filing::restore);
	}

	@Override
	public Filing save(Filing filing) {
		FilingData data = filing.data();
		long next = data.version() + 1;
		FilingData stored = withVersion(data, next);
		Map<String, Object> params = Map.ofEntries(Map.entry("id", data.id()), Map.entry("version", next),
				Map.entry("expected", data.version()), Map.entry("institution", data.institution().id()),
				Map.entry("institutionRegion", data.institution().regionCode()),
				Map.entry("technology", data.technology().code()), Map.entry("state", data.state().name()),
				Map.entry("receiving", data.route().receivingRegionCode()),
				Map.entry("review", data.route().reviewRegionCode()),
				Map.entry("createdAt", Timestamp.from(data.createdAt())),
				Map.entry("updatedAt", Timestamp.from(data.updatedAt())),
				Map.entry("body", this.json.writeValueAsString(stored)));
		if (data.version() == 0) {
			try {
				this.jdbc
					.sql("""
							insert into filing.filing (id, version, institution_id, institution_region_code, technology, state,
							  holder_region_code, receiving_region_code, review_region_code, action_due_on, created_at, updated_at, body,
							  origin, document_no, approved_on)
							values (:id, :version, :institution, :institutionRegion, :technology, :state, :holder, :receiving,
							  :review, :due, :createdAt, :updatedAt, cast(:body as jsonb), :origin, :documentNo, :approvedOn)""")
					.params(params)
					.param("holder", data.holderRegionCode(), java.sql.Types.VARCHAR)
					.param("due", data.actionDueOn(), java.sql.Types.DATE)
					.param("origin", data.origin().name())
					.param("documentNo", data.prior() == null ? null : data.prior().documentNo(),
							java.sql.Types.VARCHAR)
					.param("approvedOn", data.prior() == null ? null : data.prior().approvedOn(), java.sql.Types.DATE)
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new FilingAlreadyExists("该医疗机构已有 " + data.technology().code() + " 的备案正在办理或有效，不能重复备案");
			}
		}
		else {
			int updated;
			try {
				updated = this.jdbc.sql("""
						update filing.filing set version = :version, state = :state, holder_region_code = :holder,
						  action_due_on = :due, updated_at = :updatedAt, body = cast(:body as jsonb)
						where id = :id and version = :expected""")
					.params(params)
					.param("holder", data.holderRegionCode(), java.sql.Types.VARCHAR)
					.param("due", data.actionDueOn(), java.sql.Types.DATE)
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new FilingAlreadyExists("该医疗机构已有 " + data.technology().code() + " 的备案正在办理或有效，不能重复备案");
			}
			if (updated != 1) {
				throw new FilingConcurrentlyModified("备案已被他人修改（本次操作基于版本 " + data.version() + "），请刷新后重试；本次操作未生效");
			}
		}
		Filing saved = Filing.restore(stored);
		return saved;
	}

	@Override
	public void delete(UUID id, long version) {
		this.jdbc.sql("delete from filing.document where filing_id = :id").param("id", id).update();
		int deleted = this.jdbc.sql("delete from filing.filing where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update();
		if (deleted != 1) {
			throw new FilingConcurrentlyModified("备案已被他人修改（本次操作基于版本 " + version + "），请刷新后重试；本次操作未生效");
		}
	}

	@Override
	public boolean existsOpen(UUID institutionId, String technology) {
		return this.jdbc.sql("""
				select exists (select 1 from filing.filing where institution_id = :i and technology = :t
				  and state not in ('REJECTED', 'REVOKED'))""")
			.param("i", institutionId)
			.param("t", technology)
			.query(Boolean.class)
			.single();
	}

	@Override
	public List<FilingData> search(List<FilingState> states, @Nullable String technology) {
		StringBuilder sql = new StringBuilder("select version, body::text from filing.filing where true");
		if (!states.isEmpty()) {
			sql.append(" and state in (:states)");
		}
		if (technology != null) {
			sql.append(" and technology = :technology");
		}
		sql.append(" order by updated_at desc");
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql.toString());
		if (!states.isEmpty()) {
			spec = spec.param("states", states.stream().map(Enum::name).toList());
		}
		if (technology != null) {
			spec = spec.param("technology", technology);
		}
		return spec.query((rs, n) -> read(rs.getString(2), rs.getLong(1))).list();
	}

	@Override
	public List<FilingData> ofInstitution(UUID institutionId) {
		return this.jdbc
			.sql("select version, body::text from filing.filing where institution_id = :i order by updated_at desc")
			.param("i", institutionId)
			.query((rs, n) -> read(rs.getString(2), rs.getLong(1)))
			.list();
	}

	@Override
	public List<FilingData> heldByOrReceivedBy(String regionCode) {
		return this.jdbc.sql("""
				select version, body::text from filing.filing
				where holder_region_code = :r or receiving_region_code = :r order by updated_at desc""")
			.param("r", regionCode)
			.query((rs, n) -> read(rs.getString(2), rs.getLong(1)))
			.list();
	}

	@Override
	public List<FilingData> assignedTo(UUID expertId) {
		return this.jdbc.sql("""
				select version, body::text from filing.filing
				where body -> 'experts' @> cast(:probe as jsonb) order by updated_at desc""")
			.param("probe", "[{\"userId\": \"" + expertId + "\"}]")
			.query((rs, n) -> read(rs.getString(2), rs.getLong(1)))
			.list();
	}

	@Override
	public List<UUID> activeIds() {
		return this.jdbc.sql("select id from filing.filing where state = 'ACTIVE' order by created_at")
			.query(UUID.class)
			.list();
	}

	@Override
	public List<UUID> activeIdsOf(Collection<UUID> institutionIds) {
		if (institutionIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select id from filing.filing where state = 'ACTIVE' and institution_id = any(?) order by created_at")
			.param(institutionIds.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
	}

	private FilingData read(String body, long version) {
		return withVersion(this.json.readValue(body, FilingData.class), version);
	}

	private static FilingData withVersion(FilingData d, long version) {
		return new FilingData(d.id(), version, d.institution(), d.technology(), d.route(), d.state(),
				d.holderRegionCode(), d.firstCaseDate(), d.filingDeadline(), d.submittedOn(), d.actionDueOn(),
				d.assessment(), d.attestations(), d.committeeOpinions(), d.documents(), d.experts(), d.decision(),
				d.licenceNote(), d.activatedOn(), d.revokedOn(), d.cancellationRequested(), d.ending(),
				d.revocationProposal(), d.steps(), d.createdAt(), d.updatedAt(), d.prior());
	}

}
