package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;

import cn.rtms.rules.engine.facts.PersonFacts;

/**
 * Counts people by verdict and compares the count with a minimum: MET when enough are
 * eligible; NEEDS_ATTESTATION when enough would be once pending attestations are
 * confirmed; UNKNOWN when enough might be once missing facts are recorded; NOT_MET
 * otherwise.
 */
final class StaffTally {

	final List<PersonFacts> met = new ArrayList<>();

	final List<PersonFacts> pending = new ArrayList<>();

	final List<PersonFacts> unknown = new ArrayList<>();

	void add(Status status, PersonFacts person) {
		switch (status) {
			case MET -> this.met.add(person);
			case NEEDS_ATTESTATION -> this.pending.add(person);
			case UNKNOWN, ERROR -> this.unknown.add(person);
			default -> {
			}
		}
	}

	private static String names(List<PersonFacts> people) {
		List<String> names = new ArrayList<>(people.size());
		for (PersonFacts person : people) {
			names.add(Texts.name(person));
		}
		return String.join("、", names);
	}

	Status against(int min) {
		if (this.met.size() >= min) {
			return Status.MET;
		}
		if (this.met.size() + this.pending.size() >= min) {
			return Status.NEEDS_ATTESTATION;
		}
		if (this.met.size() + this.pending.size() + this.unknown.size() >= min) {
			return Status.UNKNOWN;
		}
		return Status.NOT_MET;
	}

	String describe(String what) {
		StringBuilder text = new StringBuilder(what).append(' ').append(this.met.size()).append(" 名");
		if (!this.met.isEmpty()) {
			text.append("（").append(names(this.met)).append("）");
		}
		if (!this.pending.isEmpty()) {
			text.append("，另有 ").append(this.pending.size()).append(" 名待确认（").append(names(this.pending)).append("）");
		}
		if (!this.unknown.isEmpty()) {
			text.append("，另有 ").append(this.unknown.size()).append(" 名信息不全（").append(names(this.unknown)).append("）");
		}
		return text.toString();
	}

	List<String> evidence() {
		List<String> evidence = new ArrayList<>();
		for (PersonFacts person : this.met) {
			evidence.add(Texts.name(person));
		}
		for (PersonFacts person : this.pending) {
			evidence.add(Texts.name(person) + "（待确认）");
		}
		for (PersonFacts person : this.unknown) {
			evidence.add(Texts.name(person) + "（信息不全）");
		}
		return evidence;
	}

}
