package cn.rtms.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.rules.engine.EligibilityEngine;
import cn.rtms.rules.engine.Outcome;
import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLibrary;
import cn.rtms.rules.engine.spec.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Eligibility use cases: builds facts from the institutions and personnel modules, picks
 * the spec edition in force for the date and the institution's region, and runs the
 * engine. Nothing here writes. Data scope: an institution's or person's eligibility is
 * visible exactly to those who may read the subject (the checks of
 * {@link InstitutionManagement#get} and {@link PersonnelManagement#get}); what-if
 * evaluation needs a logged-in user; {@link #loadAllFacts()} and {@link #sweep} are
 * system operations without any check.
 */
@Service
@Transactional(readOnly = true)
public class EligibilityManagement {

	private final SpecificationManagement specs;

	private final CatalogManagement catalog;

	private final InstitutionManagement institutions;

	private final PersonnelManagement people;

	private final EligibilityEngine engine;

	private final Clock clock;

	private final IdentityManagement identity;

	private final String deploymentProvince;

	private final MatrixCache matrices;

	private final ObjectProvider<CaseHistory> caseHistory;

	private final ObjectProvider<EquipmentRegisterSource> equipmentRegister;

	private final ObjectProvider<TrainingRecordSource> trainingRecords;

	EligibilityManagement(SpecificationManagement specs, CatalogManagement catalog, InstitutionManagement institutions,
			PersonnelManagement people, Clock clock, IdentityManagement identity,
			@Value("${rtms.deployment.province:220000}") String deploymentProvince,
			@Value("${rtms.eligibility.matrix-cache-size:2000}") int matrixCacheSize,
			ObjectProvider<CaseHistory> caseHistory, ObjectProvider<EquipmentRegisterSource> equipmentRegister,
			ObjectProvider<TrainingRecordSource> trainingRecords) {
		this.trainingRecords = trainingRecords;
		this.matrices = new MatrixCache(matrixCacheSize);
		this.caseHistory = caseHistory;
		this.equipmentRegister = equipmentRegister;
		this.specs = specs;
		this.engine = new EligibilityEngine(specs.library());
		this.deploymentProvince = deploymentProvince;
		this.catalog = catalog;
		this.institutions = institutions;
		this.people = people;
		this.clock = clock;
		this.identity = identity;
	}

	private LocalDate date(@Nullable LocalDate asOf) {
		return asOf != null ? asOf : LocalDate.now(this.clock);
	}

	/**
	 * @param institutionId institution
	 * @param asOf evaluation date, today when null
	 * @return every catalogued technology's verdict for the institution
	 */
	public EligibilityMatrix institutionMatrix(UUID institutionId, @Nullable LocalDate asOf) {
		LocalDate date = date(asOf);
		CaseHistory history = this.caseHistory.getIfAvailable();
		EquipmentRegisterSource register = this.equipmentRegister.getIfAvailable();
		MatrixCache.Key key = new MatrixCache.Key(institutionId, this.institutions.revisionOf(institutionId),
				this.people.staffRevision(institutionId), (history != null) ? history.revision(institutionId) : -1,
				(register != null) ? register.revision(institutionId) : -1, trainingRevision(institutionId), date,
				physicianViewer());
		InstitutionDetails institution = this.institutions.get(institutionId);
		return this.matrices.get(key, () -> computeInstitutionMatrix(institutionId, institution, date));
	}

	private EligibilityMatrix computeInstitutionMatrix(UUID institutionId, InstitutionDetails institution,
			LocalDate date) {
		InstitutionFacts facts = forViewer(institutionFacts(institution, date));
		List<EligibilityMatrix.Row> rows = new ArrayList<>();
		for (RestrictedTechnology technology : this.catalog.technologies()) {
			Optional<RequirementSpec> spec = this.specs.inForce(technology.code(), date, institution.regionCode());
			rows.add(spec.map(s -> row(technology, this.engine.evaluate(s, Subject.INSTITUTION, Facts.of(facts), date)))
				.orElseGet(() -> noSpec(technology)));
		}
		return new EligibilityMatrix(institutionId.toString(), institution.name(), date, rows);
	}

	/**
	 * @param institutionId institution
	 * @param technology technology code
	 * @param trainingBase evaluate as a training base instead of as an institution
	 * performing the technology
	 * @param asOf evaluation date, today when null
	 * @return clause-by-clause report
	 */
	public EligibilityReport institutionReport(UUID institutionId, String technology, boolean trainingBase,
			@Nullable LocalDate asOf) {
		LocalDate date = date(asOf);
		this.catalog.get(technology);
		InstitutionDetails institution = this.institutions.get(institutionId);
		Subject subject = trainingBase ? Subject.TRAINING_BASE : Subject.INSTITUTION;
		RequirementSpec spec = specFor(technology, date, institution.regionCode(), subject)
			.orElseThrow(() -> new NoSpecInForce(technology, date));
		List<PersonDetails> staff = this.people.atInstitution(Objects.requireNonNull(institution.id()));
		Outcome outcome = this.engine.evaluate(spec, subject,
				Facts.of(forViewer(institutionFacts(institution, staff, date))), date);
		return withRegistryNotice(forViewer(EligibilityReport.of(outcome, institution.name(), null), staff));
	}

	/**
	 * A training base's verdict (培训基地, docs/training.md): the institution's facts with
	 * only the base's instructors as its physicians, so that the instructor clauses count
	 * the people the base registered (still working at the institution), not every
	 * physician on the staff. Read access as for {@link InstitutionManagement#get}.
	 * @param institutionId institution running the base
	 * @param technology technology code
	 * @param instructorIds the base's instructors on the day (persons of the platform)
	 * @param asOf evaluation date, today when null
	 * @return clause-by-clause report (subject TRAINING_BASE)
	 */
	public EligibilityReport trainingBaseReport(UUID institutionId, String technology,
			java.util.Collection<UUID> instructorIds, @Nullable LocalDate asOf) {
		LocalDate date = date(asOf);
		this.catalog.get(technology);
		InstitutionDetails institution = this.institutions.get(institutionId);
		RequirementSpec spec = specFor(technology, date, institution.regionCode(), Subject.TRAINING_BASE)
			.orElseThrow(() -> new NoSpecInForce(technology, date));
		InstitutionFacts facts = forTrainingBase(
				institutionFacts(institution, this.people.atInstitution(institutionId), date), instructorIds);
		Outcome outcome = this.engine.evaluate(spec, Subject.TRAINING_BASE, Facts.of(forViewer(facts)), date);
		return withRegistryNotice(EligibilityReport.of(outcome, institution.name(), null));
	}

	/**
	 * The institution's facts as a training base: only the staff members who are among
	 * the base's instructors remain (people who left the institution are no longer its
	 * staff and so no longer count).
	 * @param facts the institution's facts with its staff
	 * @param instructorIds the base's instructors
	 * @return the same facts with the instructors as the only staff, in staff order
	 */
	static InstitutionFacts forTrainingBase(InstitutionFacts facts, java.util.Collection<UUID> instructorIds) {
		Set<String> ids = new HashSet<>();
		instructorIds.forEach(id -> ids.add(id.toString()));
		List<PersonFacts> staff = facts.staff() == null ? List.of()
				: facts.staff().stream().filter(p -> p.id() != null && ids.contains(p.id())).toList();
		return new InstitutionFacts(facts.id(), facts.name(), facts.regionCode(), facts.level(), facts.type(),
				facts.specialty(), facts.registeredSubjects(), facts.departments(), facts.facilities(),
				facts.equipment(), facts.operatingRooms(), facts.licences(), facts.firstCases(), facts.subTechniques(),
				facts.caseVolumes(), facts.attestations(), staff);
	}

	/**
	 * @param personId person
	 * @param asOf evaluation date, today when null
	 * @return every catalogued technology's verdict for the person (as physician, or in
	 * their staff role)
	 */
	public EligibilityMatrix personMatrix(UUID personId, @Nullable LocalDate asOf) {
		LocalDate date = date(asOf);
		PersonDetails person = this.people.get(personId);
		InstitutionDetails institution = institutionOf(person);
		PersonFacts facts = personFacts(person, institution);
		Facts both = Facts.of(institution == null ? null : institutionFacts(institution, List.of(), date), facts);
		List<EligibilityMatrix.Row> rows = new ArrayList<>();
		for (RestrictedTechnology technology : this.catalog.technologies()) {
			Optional<RequirementSpec> spec = this.specs.inForce(technology.code(), date, region(institution));
			rows.add(spec.map(s -> row(technology, evaluatePerson(s, facts, both, date)))
				.orElseGet(() -> noSpec(technology)));
		}
		return new EligibilityMatrix(personId.toString(), person.name(), date, rows);
	}

	/**
	 * @param personId person
	 * @param technology technology code
	 * @param asOf evaluation date, today when null
	 * @return clause-by-clause report, with the training requirement evaluated as a
	 * trainee
	 */
	public EligibilityReport personReport(UUID personId, String technology, @Nullable LocalDate asOf) {
		LocalDate date = date(asOf);
		this.catalog.get(technology);
		PersonDetails person = this.people.get(personId);
		InstitutionDetails institution = institutionOf(person);
		RequirementSpec spec = this.specs.inForce(technology, date, region(institution))
			.orElseThrow(() -> new NoSpecInForce(technology, date));
		PersonFacts facts = personFacts(person, institution);
		Facts both = Facts.of(institution == null ? null : institutionFacts(institution, List.of(), date), facts);
		EligibilityReport traineeReport = specFor(technology, date, region(institution), Subject.TRAINEE)
			.map(traineeSpec -> EligibilityReport.of(this.engine.evaluate(traineeSpec, Subject.TRAINEE, both, date),
					person.name(), null))
			.orElse(null);
		return withRegistryNotice(
				EligibilityReport.of(evaluatePerson(spec, facts, both, date), person.name(), traineeReport));
	}

	/**
	 * Evaluates a facts document without saving anything (a prospective hire, a planned
	 * equipment change).
	 * @param request technology, subject kind, optional date/region/edition, and the
	 * facts
	 * @return clause-by-clause report
	 */
	public EligibilityReport evaluate(EvaluationRequest request) {
		this.identity.currentUser();
		LocalDate date = date(request.asOf());
		this.catalog.get(request.technology());
		RequirementSpec spec;
		if (request.subject() == null) {
			throw new InvalidEvaluationRequest("subject", "评估对象类型不能为空");
		}
		if (request.specKey() != null) {
			spec = this.specs.get(request.specKey());
			if (!spec.technology().equals(request.technology())) {
				throw new InvalidEvaluationRequest("specKey", "规范 " + spec.key() + " 不属于技术 " + request.technology());
			}
		}
		else {
			InstitutionFacts institution = request.facts().institution();
			String region = request.regionCode() != null ? request.regionCode()
					: institution != null && institution.regionCode() != null ? institution.regionCode()
							: this.deploymentProvince;
			spec = specFor(request.technology(), date, region, request.subject())
				.orElseThrow(() -> new NoSpecInForce(request.technology(), date));
		}
		Subject subject = request.subject();
		if ((subject == Subject.INSTITUTION || subject == Subject.TRAINING_BASE)
				&& request.facts().institution() == null) {
			throw new InvalidEvaluationRequest("facts.institution", "评估" + subject.label() + "时必须提供 facts.institution");
		}
		if ((subject == Subject.PHYSICIAN || subject == Subject.STAFF || subject == Subject.TRAINEE)
				&& request.facts().person() == null) {
			throw new InvalidEvaluationRequest("facts.person", "评估" + subject.label() + "时必须提供 facts.person");
		}
		if (subject == Subject.STAFF && request.staffRole() == null) {
			throw new InvalidEvaluationRequest("staffRole", "评估其他专业技术人员时必须指定 staffRole");
		}
		Outcome outcome = this.engine.evaluate(spec, subject, request.staffRole(), request.facts(), date);
		PersonFacts person = request.facts().person();
		InstitutionFacts institution = request.facts().institution();
		String name = person != null && subject != Subject.INSTITUTION && subject != Subject.TRAINING_BASE
				? person.name() : institution != null ? institution.name() : null;
		return EligibilityReport.of(outcome, name, null);
	}

	/**
	 * Evaluates an institution's saved records twice without saving anything: as they
	 * stand and after a change of facts and/or under another edition (what-if scenarios
	 * and the edition diff, docs/what-if.md). Read access as for
	 * {@link InstitutionManagement#get}.
	 * @param institutionId institution
	 * @param technology one technology, or null for every catalogued technology (the
	 * "after" edition's technology when one is given)
	 * @param change the change of facts ({@link FactsChange#none()} for none)
	 * @param beforeSpecKey the edition of the "before" side, null for the one in force
	 * @param afterSpecKey the edition of the "after" side, null for the "before" one
	 * @param detailed also evaluate every staff member and the training base
	 * @param asOf evaluation date, today when null
	 * @return one comparison per technology with an edition on either side
	 */
	public List<EligibilityComparison> compare(UUID institutionId, @Nullable String technology, FactsChange change,
			@Nullable String beforeSpecKey, @Nullable String afterSpecKey, boolean detailed, @Nullable LocalDate asOf) {
		LocalDate date = date(asOf);
		InstitutionDetails institution = this.institutions.get(institutionId);
		List<PersonDetails> staff = this.people.atInstitution(institutionId);
		InstitutionFacts before = forViewer(institutionFacts(institution, staff, date));
		InstitutionFacts after = change.apply(before);
		List<String> technologies = technology != null ? List.of(technology)
				: afterSpecKey != null ? List.of(this.specs.get(afterSpecKey).technology())
						: this.catalog.technologies().stream().map(RestrictedTechnology::code).toList();
		List<EligibilityComparison> result = new ArrayList<>();
		for (String code : technologies) {
			RequirementSpec beforeSpec = beforeSpecKey != null ? this.specs.get(beforeSpecKey)
					: specFor(code, date, institution.regionCode(), Subject.INSTITUTION).orElse(null);
			RequirementSpec afterSpec = afterSpecKey != null ? this.specs.get(afterSpecKey) : beforeSpec;
			if (beforeSpec == null && afterSpec == null) {
				continue;
			}
			List<EligibilityComparison.PersonComparison> people = new ArrayList<>();
			if (detailed && before.staff() != null) {
				Map<String, PersonFacts> afterStaff = new HashMap<>();
				(after.staff() == null ? List.<PersonFacts>of() : after.staff())
					.forEach(p -> afterStaff.put(String.valueOf(p.id()), p));
				for (PersonFacts person : before.staff()) {
					PersonFacts stays = afterStaff.get(String.valueOf(person.id()));
					List<StaffRole> roles = person.roles() == null ? List.of() : person.roles();
					people.add(new EligibilityComparison.PersonComparison(String.valueOf(person.id()),
							String.valueOf(person.name()), roles.isEmpty() || roles.contains(StaffRole.PHYSICIAN),
							personReport(beforeSpec, person, before, date),
							stays == null ? null : personReport(afterSpec, stays, after, date)));
				}
			}
			result.add(new EligibilityComparison(institutionId, institution.name(), institution.regionCode(), code,
					institutionReport(beforeSpec, Subject.INSTITUTION, before, date),
					institutionReport(afterSpec, Subject.INSTITUTION, after, date),
					detailed ? institutionReport(trainingBaseSpec(beforeSpec), Subject.TRAINING_BASE, before, date)
							: null,
					detailed ? institutionReport(trainingBaseSpec(afterSpec), Subject.TRAINING_BASE, after, date)
							: null,
					people));
		}
		return result;
	}

	private @Nullable EligibilityReport institutionReport(@Nullable RequirementSpec spec, Subject subject,
			InstitutionFacts facts, LocalDate date) {
		return spec == null ? null
				: EligibilityReport.of(this.engine.evaluate(spec, subject, Facts.of(facts), date), facts.name(), null);
	}

	private static @Nullable RequirementSpec trainingBaseSpec(@Nullable RequirementSpec spec) {
		return spec != null && hasClausesFor(spec, Subject.TRAINING_BASE) ? spec : null;
	}

	/**
	 * A staff member's report under one edition (physicians with the training requirement
	 * evaluated as a trainee when the edition has trainee clauses).
	 */
	private @Nullable EligibilityReport personReport(@Nullable RequirementSpec spec, PersonFacts person,
			InstitutionFacts institution, LocalDate date) {
		if (spec == null) {
			return null;
		}
		Facts facts = Facts.of(withoutStaff(institution), person);
		List<StaffRole> roles = person.roles() == null ? List.of() : person.roles();
		boolean physician = roles.isEmpty() || roles.contains(StaffRole.PHYSICIAN);
		EligibilityReport trainee = physician && hasClausesFor(spec, Subject.TRAINEE)
				? EligibilityReport.of(this.engine.evaluate(spec, Subject.TRAINEE, facts, date), person.name(), null)
				: null;
		return EligibilityReport.of(evaluatePerson(spec, person, facts, date), person.name(), trainee);
	}

	/**
	 * @param technology technology code
	 * @return the institutions with cases of the technology in the case registry (none
	 * without a registry); unscoped: the caller checks scope
	 */
	public Set<UUID> institutionsWithCases(String technology) {
		CaseHistory history = this.caseHistory.getIfAvailable();
		if (history == null) {
			return Set.of();
		}
		Set<UUID> ids = new HashSet<>();
		history.institutions().forEach((id, cases) -> {
			if (cases.firstCases().containsKey(technology)) {
				ids.add(id);
			}
		});
		return ids;
	}

	/**
	 * Loads every institution with its staff as engine facts (one read of each table, the
	 * two tables read concurrently).
	 * @return the facts, institutions in region order
	 */
	public List<InstitutionFacts> loadAllFacts() {
		CompletableFuture<List<InstitutionDetails>> institutions = CompletableFuture
			.supplyAsync(this.institutions::all);
		Map<UUID, List<PersonDetails>> staff = new HashMap<>();
		for (PersonDetails person : this.people.all()) {
			if (person.institutionId() != null) {
				staff.computeIfAbsent(person.institutionId(), k -> new ArrayList<>()).add(person);
			}
		}
		CaseHistory history = this.caseHistory.getIfAvailable();
		LocalDate date = LocalDate.now(this.clock);
		EquipmentRegisterSource register = this.equipmentRegister.getIfAvailable();
		Map<UUID, List<EquipmentRegisterSource.Unit>> units = (register != null) ? register.allUnits(date) : Map.of();
		List<UUID> staffIds = staff.values()
			.stream()
			.flatMap(List::stream)
			.map(PersonDetails::id)
			.filter(Objects::nonNull)
			.toList();
		Map<UUID, List<TrainingRecordSource.FileTraining>> fileTrainings = fileTrainings(staffIds);
		Map<UUID, List<TrainingRecordSource.GrantedExemption>> exemptions = exemptions(staffIds);
		if (history == null) {
			return institutions.join()
				.parallelStream()
				.map(i -> FactsAssembler.institution(i, staff.getOrDefault(i.id(), List.of()),
						units.getOrDefault(i.id(), List.of()), fileTrainings, exemptions))
				.toList();
		}
		Map<UUID, CaseHistory.InstitutionCases> cases = history.institutions();
		Map<String, List<CaseHistory.Volume>> operators = byId(history.operatorVolumes(staff.values()
			.stream()
			.flatMap(List::stream)
			.map(PersonDetails::id)
			.filter(Objects::nonNull)
			.toList()));
		return institutions.join()
			.parallelStream()
			.map(i -> RegistryMerge.institution(
					FactsAssembler.institution(i, staff.getOrDefault(i.id(), List.of()),
							units.getOrDefault(i.id(), List.of()), fileTrainings, exemptions),
					cases.getOrDefault(i.id(), CaseHistory.InstitutionCases.NONE), operators, history.registryStart(),
					date))
			.toList();
	}

	/**
	 * Evaluates every institution × technology in force and every staff member ×
	 * technology in force.
	 * @param facts from {@link #loadAllFacts()}
	 * @param asOf evaluation date
	 * @return verdict counts per subject kind and status
	 */
	public SweepResult sweep(List<InstitutionFacts> facts, LocalDate asOf) {
		Map<String, LongAdder> counts = new ConcurrentHashMap<>();
		LongAdder evaluations = new LongAdder();
		List<String> technologies = this.catalog.technologies().stream().map(RestrictedTechnology::code).toList();
		facts.parallelStream().forEach(institution -> {
			InstitutionFacts withoutStaff = withoutStaff(institution);
			for (String technology : technologies) {
				Optional<RequirementSpec> spec = this.specs.inForce(technology, asOf, institution.regionCode());
				if (spec.isEmpty()) {
					continue;
				}
				Status status = this.engine.status(spec.get(), Subject.INSTITUTION, null, Facts.of(institution), asOf);
				counts.computeIfAbsent("INSTITUTION/" + status.name(), k -> new LongAdder()).increment();
				evaluations.increment();
				for (PersonFacts person : institution.staff() == null ? List.<PersonFacts>of() : institution.staff()) {
					List<StaffRole> roles = person.roles() == null ? List.of() : person.roles();
					boolean physician = roles.isEmpty() || roles.contains(StaffRole.PHYSICIAN);
					Status personal = this.engine.status(spec.get(), physician ? Subject.PHYSICIAN : Subject.STAFF,
							physician ? null : roles.get(0), Facts.of(withoutStaff, person), asOf);
					counts
						.computeIfAbsent((physician ? "PHYSICIAN/" : "STAFF/") + personal.name(), k -> new LongAdder())
						.increment();
					evaluations.increment();
				}
			}
		});
		Map<String, Integer> totals = new TreeMap<>();
		counts.forEach((key, adder) -> totals.put(key, adder.intValue()));
		return new SweepResult(evaluations.sum(), totals);
	}

	/**
	 * The outcome of a sweep.
	 *
	 * @param evaluations number of subject × technology evaluations
	 * @param counts verdicts per "SUBJECT/STATUS"
	 */
	public record SweepResult(long evaluations, Map<String, Integer> counts) {
	}

	/**
	 * The region deciding which editions apply to a person: their institution's, or,
	 * without one, the deployment's province ({@code rtms.deployment.province}).
	 */
	private String region(@Nullable InstitutionDetails institution) {
		return institution != null ? institution.regionCode() : this.deploymentProvince;
	}

	/**
	 * The edition to use for a subject: the one in force, or, when that edition has no
	 * clause for the subject (the 2023 compilation is an excerpt without training-base
	 * requirements), the newest earlier edition in force for the region that has. When no
	 * edition has any, the edition in force: its evaluation is NOT_APPLICABLE with the
	 * notice 本规范无培训要求 (S01 has no training section), or UNKNOWN when its source is an
	 * excerpt that may have lost them (G10-2023).
	 */
	private Optional<RequirementSpec> specFor(String technology, LocalDate date, @Nullable String regionCode,
			Subject subject) {
		Optional<RequirementSpec> inForce = this.specs.inForce(technology, date, regionCode);
		if (inForce.isEmpty() || hasClausesFor(inForce.get(), subject)) {
			return inForce;
		}
		List<RequirementSpec> editions = new ArrayList<>(this.specs.editions(technology));
		Collections.reverse(editions);
		return editions.stream()
			.filter(e -> e.appliesOn(date))
			.filter(e -> SpecLibrary.covers(e.jurisdiction(), regionCode))
			.filter(e -> hasClausesFor(e, subject))
			.findFirst()
			.or(() -> inForce);
	}

	private static boolean hasClausesFor(RequirementSpec spec, Subject subject) {
		return spec.clauses().stream().anyMatch(c -> c.subject() == subject && !c.heading());
	}

	private Outcome evaluatePerson(RequirementSpec spec, PersonFacts person, Facts facts, LocalDate date) {
		List<StaffRole> roles = person.roles() == null ? List.of() : person.roles();
		if (roles.isEmpty() || roles.contains(StaffRole.PHYSICIAN)) {
			return this.engine.evaluate(spec, Subject.PHYSICIAN, facts, date);
		}
		return this.engine.evaluate(spec, Subject.STAFF, roles.get(0), facts, date);
	}

	private @Nullable InstitutionDetails institutionOf(PersonDetails person) {
		UUID id = person.institutionId();
		return id == null ? null : this.institutions.get(id);
	}

	private InstitutionFacts institutionFacts(InstitutionDetails institution, LocalDate date) {
		return institutionFacts(institution, this.people.atInstitution(institution.id()), date);
	}

	/**
	 * The institution's facts: its manual records, with the equipment register applied
	 * ({@link EquipmentMerge}) and merged with the case registry when there is one
	 * ({@link RegistryMerge}).
	 */
	private InstitutionFacts institutionFacts(InstitutionDetails institution, List<PersonDetails> staff,
			LocalDate date) {
		EquipmentRegisterSource register = this.equipmentRegister.getIfAvailable();
		InstitutionFacts facts = FactsAssembler.institution(institution, staff,
				(register != null && institution.id() != null) ? register.units(institution.id(), date) : List.of(),
				fileTrainings(staff.stream().map(PersonDetails::id).filter(Objects::nonNull).toList()),
				exemptions(staff.stream().map(PersonDetails::id).filter(Objects::nonNull).toList()));
		CaseHistory history = this.caseHistory.getIfAvailable();
		if (history == null || institution.id() == null) {
			return facts;
		}
		Map<String, List<CaseHistory.Volume>> operators = staff.isEmpty() ? Map.of() : byId(
				history.operatorVolumes(staff.stream().map(PersonDetails::id).filter(Objects::nonNull).toList()));
		return RegistryMerge.institution(facts, history.institution(institution.id()), operators,
				history.registryStart(), date);
	}

	/**
	 * The person's facts: the manual records, merged with the cases operated in the case
	 * registry when there is one.
	 */
	private PersonFacts personFacts(PersonDetails person, @Nullable InstitutionDetails institution) {
		PersonFacts facts = FactsAssembler.person(person, institution,
				(person.id() == null) ? List.of()
						: fileTrainings(List.of(person.id())).getOrDefault(person.id(), List.of()),
				(person.id() == null) ? List.of()
						: exemptions(List.of(person.id())).getOrDefault(person.id(), List.of()));
		CaseHistory history = this.caseHistory.getIfAvailable();
		if (history == null || person.id() == null) {
			return facts;
		}
		List<CaseHistory.Volume> volumes = history.operatorVolumes(List.of(person.id()))
			.getOrDefault(person.id(), List.of());
		return RegistryMerge.person(facts, volumes, history.registryStart());
	}

	private Map<UUID, List<TrainingRecordSource.FileTraining>> fileTrainings(List<UUID> personIds) {
		TrainingRecordSource source = this.trainingRecords.getIfAvailable();
		return (source == null || personIds.isEmpty()) ? Map.of() : source.trainingsOf(personIds);
	}

	private Map<UUID, List<TrainingRecordSource.GrantedExemption>> exemptions(List<UUID> personIds) {
		TrainingRecordSource source = this.trainingRecords.getIfAvailable();
		return (source == null || personIds.isEmpty()) ? Map.of() : source.exemptionsOf(personIds);
	}

	private long trainingRevision(UUID institutionId) {
		TrainingRecordSource source = this.trainingRecords.getIfAvailable();
		return (source != null) ? source.revision(institutionId) : -1;
	}

	/**
	 * A person evaluated as a trainee (拟开展本技术的医师) of a technology, for the training file.
	 * No scope check: the training module checks the current user's scope first.
	 * @param personId the person
	 * @param institutionId the institution the person works at (where the person is read
	 * from, and whose edition applies)
	 * @param candidate evaluate with this training alone instead of the person's recorded
	 * ones (a file in progress), or {@code null} for the recorded ones
	 * @param asOf evaluation date
	 * @return the TRAINEE report with which clauses are prerequisites (培训对象) and which
	 * are the training requirement itself; empty when the person is not at that
	 * institution
	 */
	public Optional<TraineeEvaluation> traineeEvaluation(UUID personId, UUID institutionId, String technology,
			TrainingRecordSource.@Nullable FileTraining candidate, LocalDate asOf) {
		this.catalog.get(technology);
		Optional<PersonDetails> found = this.people.atInstitution(institutionId)
			.stream()
			.filter(p -> personId.equals(p.id()))
			.findFirst();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		PersonDetails person = found.get();
		String region = this.institutions.regionCodeOf(institutionId);
		RequirementSpec spec = specFor(technology, asOf, (region != null) ? region : this.deploymentProvince,
				Subject.TRAINEE)
			.orElseThrow(() -> new NoSpecInForce(technology, asOf));
		PersonFacts facts = FactsAssembler.person(person, null,
				fileTrainings(List.of(personId)).getOrDefault(personId, List.of()),
				exemptions(List.of(personId)).getOrDefault(personId, List.of()));
		if (candidate != null) {
			List<PersonFacts.Training> trainings = List.of(FactsAssembler.training(candidate));
			facts = new PersonFacts(facts.id(), facts.name(), facts.roles(), facts.licence(), facts.titles(),
					facts.clinicalStart(), facts.specialties(), trainings, facts.caseVolumes(), facts.adverseEvents(),
					facts.attestations(), facts.operatorVolumes(), facts.exemptions());
		}
		Outcome outcome = this.engine.evaluate(spec, Subject.TRAINEE, Facts.of(null, facts), asOf);
		List<String> prerequisites = new ArrayList<>();
		List<String> training = new ArrayList<>();
		List<String> exemption = new ArrayList<>();
		List<String> abroad = new ArrayList<>();
		for (var clause : spec.clauses()) {
			if (clause.subject() != Subject.TRAINEE || clause.heading() || clause.rule() == null
					|| clause.pathway() == null) {
				continue;
			}
			switch (clause.pathway()) {
				case STANDARD ->
					(TraineeEvaluation.mentions(clause.rule(), "trainingRecord") ? training : prerequisites)
						.add(clause.ref());
				case EXEMPTION -> exemption.add(clause.ref());
				case ABROAD -> abroad.add(clause.ref());
			}
		}
		return Optional.of(new TraineeEvaluation(EligibilityReport.of(outcome, person.name(), null), spec.key(),
				spec.issuedOn(), prerequisites, training, exemption, abroad, spec.truncated()));
	}

	private static Map<String, List<CaseHistory.Volume>> byId(Map<UUID, List<CaseHistory.Volume>> volumes) {
		Map<String, List<CaseHistory.Volume>> result = new HashMap<>();
		volumes.forEach((id, list) -> result.put(id.toString(), list));
		return result;
	}

	/**
	 * The institution's case volumes with their source (manual before the registry start,
	 * registry after; manual figures the registry supersedes are marked as such).
	 * @param institutionId institution (read access as for
	 * {@link InstitutionManagement#get})
	 * @return the rows, ordered by technology, year, month
	 */
	public List<CaseVolumeRow> institutionCaseVolumes(UUID institutionId) {
		InstitutionDetails institution = this.institutions.get(institutionId);
		List<cn.rtms.rules.engine.facts.CaseVolume> manual = FactsAssembler.institution(institution, List.of())
			.caseVolumes();
		CaseHistory history = this.caseHistory.getIfAvailable();
		if (history == null) {
			return RegistryMerge.rows(manual, List.of(), LocalDate.MAX);
		}
		return RegistryMerge.rows(manual, history.institution(institutionId).volumes(), history.registryStart());
	}

	/**
	 * The person's independently performed cases with their source.
	 * @param personId person (read access as for {@link PersonnelManagement#get})
	 * @return the rows, ordered by technology, year, month
	 */
	public List<CaseVolumeRow> personCaseVolumes(UUID personId) {
		PersonDetails person = this.people.get(personId);
		List<cn.rtms.rules.engine.facts.CaseVolume> manual = FactsAssembler.person(person, null).caseVolumes();
		CaseHistory history = this.caseHistory.getIfAvailable();
		if (history == null) {
			return RegistryMerge.rows(manual, List.of(), LocalDate.MAX);
		}
		List<CaseHistory.Volume> volumes = history.operatorVolumes(List.of(personId))
			.getOrDefault(personId, List.of())
			.stream()
			.filter(v -> v.subTechnique() == null)
			.toList();
		return RegistryMerge.rows(manual, volumes, history.registryStart());
	}

	/**
	 * With a case registry, every report says from when case figures come from it.
	 */
	private EligibilityReport withRegistryNotice(EligibilityReport report) {
		CaseHistory history = this.caseHistory.getIfAvailable();
		if (history == null) {
			return report;
		}
		List<String> notices = new ArrayList<>(report.notices());
		notices.add(registryNotice(history.registryStart()));
		return new EligibilityReport(report.subject(), report.subjectLabel(), report.staffRole(), report.subjectName(),
				report.specKey(), report.specTitle(), report.technology(), report.edition(), report.asOf(),
				report.status(), report.statusLabel(), report.clauses(), report.pathways(),
				report.qualifiedPhysicians(), report.trainee(), notices);
	}

	/**
	 * @param start the registry start
	 * @return the notice on where case figures come from
	 */
	static String registryNotice(LocalDate start) {
		return "病例数、首例日期与开展的亚类：自 " + start
				+ " 起（机构或术者首例登记病例晚于该日时，自其所在年份 1 月 1 日起）按病例登记中已提交的病例统计（术者计入本人独立开展例数），此前及从未登记病例的技术按填报的年度例数（未填报的年份按 0 例计）";
	}

	/**
	 * A physician sees his institution's verdicts and who works there, but not how his
	 * colleagues are judged: for a {@link Role#PHYSICIAN} viewer every other person's
	 * name in the facts becomes {@value #COLLEAGUE}, so that no explanation or evidence
	 * pairs a colleague's name with a verdict (the counts stay: they are the
	 * institution's verdict). Other viewers get the facts unchanged.
	 */
	private InstitutionFacts forViewer(InstitutionFacts facts) {
		UUID self = physicianViewer();
		if (self == null || facts.staff() == null) {
			return facts;
		}
		List<PersonFacts> staff = facts.staff()
			.stream()
			.map(p -> self.toString().equals(p.id()) ? p
					: new PersonFacts(p.id(), COLLEAGUE, p.roles(), p.licence(), p.titles(), p.clinicalStart(),
							p.specialties(), p.trainings(), p.caseVolumes(), p.adverseEvents(), p.attestations(),
							p.operatorVolumes(), p.exemptions()))
			.toList();
		return new InstitutionFacts(facts.id(), facts.name(), facts.regionCode(), facts.level(), facts.type(),
				facts.specialty(), facts.registeredSubjects(), facts.departments(), facts.facilities(),
				facts.equipment(), facts.operatingRooms(), facts.licences(), facts.firstCases(), facts.subTechniques(),
				facts.caseVolumes(), facts.attestations(), staff);
	}

	/**
	 * For a physician viewer, the list of physicians names every colleague but shows only
	 * the viewer's own verdict ({@value #WITHHELD} for the others).
	 */
	private EligibilityReport forViewer(EligibilityReport report, List<PersonDetails> staff) {
		UUID self = physicianViewer();
		if (self == null) {
			return report;
		}
		Map<String, String> names = new HashMap<>();
		staff.forEach(p -> names.put(String.valueOf(p.id()), p.name()));
		List<EligibilityReport.PersonResult> physicians = report.qualifiedPhysicians()
			.stream()
			.map(p -> self.toString().equals(p.personId()) ? p
					: new EligibilityReport.PersonResult(p.personId(),
							names.getOrDefault(String.valueOf(p.personId()), p.name()), WITHHELD, "仅本人可见"))
			.toList();
		return new EligibilityReport(report.subject(), report.subjectLabel(), report.staffRole(), report.subjectName(),
				report.specKey(), report.specTitle(), report.technology(), report.edition(), report.asOf(),
				report.status(), report.statusLabel(), report.clauses(), report.pathways(), physicians,
				report.trainee(), report.notices());
	}

	private @Nullable UUID physicianViewer() {
		return this.identity.findCurrentUser()
			.filter(u -> u.role() == Role.PHYSICIAN)
			.map(u -> u.personId() != null ? u.personId() : new UUID(0, 0))
			.orElse(null);
	}

	/** How a physician viewer sees a colleague's name in explanations. */
	static final String COLLEAGUE = "本院其他人员";

	/** The status a physician viewer sees for a colleague. */
	static final String WITHHELD = "WITHHELD";

	private static InstitutionFacts withoutStaff(InstitutionFacts i) {
		return new InstitutionFacts(i.id(), i.name(), i.regionCode(), i.level(), i.type(), i.specialty(),
				i.registeredSubjects(), i.departments(), i.facilities(), i.equipment(), i.operatingRooms(),
				i.licences(), i.firstCases(), i.subTechniques(), i.caseVolumes(), i.attestations(), List.of());
	}

	private static EligibilityMatrix.Row row(RestrictedTechnology technology, Outcome outcome) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		outcome.counts().forEach((status, count) -> counts.put(status.name(), count));
		return new EligibilityMatrix.Row(technology.code(), technology.name(), technology.level().name(),
				outcome.specKey(), outcome.specTitle(), outcome.subject().name(), outcome.status().name(),
				outcome.statusLabel(), counts,
				outcome.clauses()
					.stream()
					.filter(c -> c.status() == Status.NOT_MET || c.status() == Status.UNKNOWN
							|| c.status() == Status.ERROR)
					.map(c -> new EligibilityMatrix.Failing(c.citation(), c.status().name(), c.statusLabel(),
							c.explanation()))
					.toList());
	}

	private static EligibilityMatrix.Row noSpec(RestrictedTechnology technology) {
		return new EligibilityMatrix.Row(technology.code(), technology.name(), technology.level().name(), null, null,
				null, "NO_SPEC", "规范未录入", Map.of(), List.of());
	}

}
