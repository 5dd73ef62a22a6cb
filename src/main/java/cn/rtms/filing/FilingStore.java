package cn.rtms.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.filing.domain.Filing;
import cn.rtms.filing.domain.FilingData;
import cn.rtms.filing.domain.Filings;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loading and storing a filing for the use cases: a change is saved with an audit entry
 * (named after the step it recorded) and its events published, inside the caller's
 * transaction. Also the module's clock reading.
 */
@Component
class FilingStore {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Filings filings;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FilingStore(Filings filings, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.filings = filings;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	Filing load(UUID id) {
		return this.filings.find(id).orElseThrow(() -> new FilingNotFound("备案 " + id + " 不存在"));
	}

	/**
	 * Saves a changed filing, audits each step it recorded as {@code FILING_<step>} (a
	 * batch confirmation records one step, and one audit entry, per clause) and publishes
	 * its recorded events.
	 */
	FilingData save(Filing filing, @Nullable Map<String, Object> before) {
		List<Filing.Step> steps = List.copyOf(filing.newSteps());
		List<Object> recorded = filing.drainEvents();
		Filing saved = this.filings.save(filing);
		Map<String, Object> after = auditState(saved.data());
		if (steps.size() <= 1) {
			this.audit.record(saved.steps().getLast().action().auditAction(), "Filing", saved.id().toString(), before,
					after);
		}
		else {
			Map<String, Object> previous = before;
			for (Filing.Step step : steps) {
				Map<String, Object> state = new LinkedHashMap<>(after);
				state.put("lastStep", step.action().name());
				state.put("opinion", step.opinion());
				this.audit.record(step.action().auditAction(), "Filing", saved.id().toString(), previous, state);
				previous = state;
			}
		}
		recorded.forEach(this.events::publishEvent);
		return saved.data();
	}

	/**
	 * Deletes a draft whose {@code deleteDraft} step was just recorded: its files, the
	 * filing, an audit entry {@code FILING_DELETE_DRAFT} keeping its last state, and its
	 * recorded events.
	 */
	void delete(Filing filing, Map<String, Object> before) {
		List<Object> recorded = filing.drainEvents();
		this.filings.delete(filing.id(), filing.version());
		Map<String, Object> after = new LinkedHashMap<>(auditState(filing.data()));
		after.put("deleted", true);
		this.audit.record(filing.steps().getLast().action().auditAction(), "Filing", filing.id().toString(), before,
				after);
		recorded.forEach(this.events::publishEvent);
	}

	static Map<String, Object> auditState(FilingData d) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("version", d.version());
		state.put("institutionId", d.institution().id().toString());
		state.put("technology", d.technology().code());
		state.put("state", d.state().name());
		state.put("holderRegionCode", d.holderRegionCode());
		state.put("actionDueOn", d.actionDueOn() == null ? null : d.actionDueOn().toString());
		state.put("documents", d.documents().stream().map(doc -> doc.id() + ":" + doc.sha256()).toList());
		if (!d.steps().isEmpty()) {
			Filing.Step last = d.steps().get(d.steps().size() - 1);
			state.put("lastStep", last.action().name());
			state.put("opinion", last.opinion());
		}
		return state;
	}

	Instant now() {
		return this.clock.instant();
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZONE));
	}

	static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new InvalidFilingRequest(label + "（" + field + "）不能为空");
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
			throw new InvalidFilingRequest(
					label + "（" + field + "）的取值 “" + value + "” 无效，允许：" + String.join("、", allowed));
		}
	}

}
