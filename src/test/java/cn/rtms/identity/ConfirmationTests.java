package cn.rtms.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfirmationTests {

	static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	static final CurrentUser CLERK = new CurrentUser(java.util.UUID.randomUUID(), "clerk", "医务科", Role.HOSPITAL_CLERK,
			null, null, null, false);

	static Confirmation declaration(String clause, String evidence) {
		return Confirmation.by(CLERK, ConfirmationKind.SELF_DECLARATION, clause, evidence, NOW, TODAY);
	}

	@Test
	void replacesTheConfirmationOfTheSameClauseAndKindOnly() {
		Confirmation first = declaration("G08/2023 (三)1", "旧证明");
		Confirmation review = Confirmation.imported("G08/2023 (三)1", "现场核查", TODAY, NOW);
		Confirmation other = declaration("G08/2023 (三)2", "另一条");
		Confirmation second = declaration("G08/2023 (三)1", "新证明");

		Confirmation.Added added = second.addTo(List.of(first, review, other));

		assertThat(added.replaced()).isEqualTo(first);
		assertThat(added.all()).containsExactly(review, other, second);
	}

	@Test
	void addsWhenNothingIsReplaced() {
		Confirmation only = declaration("G08/2023 (三)1", "证明");
		Confirmation.Added added = only.addTo(List.of());
		assertThat(added.replaced()).isNull();
		assertThat(added.all()).containsExactly(only);
	}

}
