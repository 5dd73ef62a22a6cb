package cn.rtms.authorization.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Builds authorization records through the aggregate's own methods. */
final class AuthorizationFixtures {

	static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

	static final Actor CLERK = new Actor("ccszx-clerk", "医务科");

	static final Actor ADMIN = new Actor("ccszx-admin", "医院管理员");

	private AuthorizationFixtures() {
	}

	static AuthorizationTerms anyTerms() {
		return terms(LocalDate.parse("2026-11-22"), LocalDate.parse("2029-11-21"));
	}

	static AuthorizationTerms terms(LocalDate from, LocalDate until) {
		return new AuthorizationTerms("G08", List.of("RFA"), from, until, null);
	}

	static Authorization pending() {
		return Authorization.apply(UUID.randomUUID(), UUID.randomUUID(), anyTerms(), CLERK, NOW);
	}

	static Authorization granted() {
		Authorization authorization = pending();
		authorization.grant(ADMIN, NOW, "G08-2023", "MET");
		return authorization;
	}

}
