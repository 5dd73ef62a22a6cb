package cn.rtms.filing.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.rtms.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/filing.md shows {@link FilingTransitions} as it is: the generated blocks between
 * the {@code filing-transitions} and {@code filing-inbox} markers must equal what this
 * test renders from the code. After changing the table, run it once with
 * {@code -Drtms.docs.write=true} to rewrite the blocks, and review the diff.
 */
class FilingTransitionsDocTests {

	static final Path DOC = Path.of("docs/filing.md");

	@Test
	void docsFilingMdShowsTheTransitionTableOfTheCode() throws IOException {
		String doc = Files.readString(DOC, StandardCharsets.UTF_8);
		String updated = replace(replace(doc, "filing-transitions", transitions()), "filing-inbox", inbox());
		if (Boolean.getBoolean("rtms.docs.write")) {
			Files.writeString(DOC, updated, StandardCharsets.UTF_8);
		}
		assertThat(doc).as("docs/filing.md 的流转表与代码（FilingTransitions）不一致：用 -Drtms.docs.write=true 运行本测试重新生成")
			.isEqualTo(updated);
	}

	@Test
	void rendersEveryActionAndTask() {
		String table = transitions();
		for (FilingAction action : FilingAction.values()) {
			assertThat(table).contains("| " + action.label() + " ");
		}
		assertThat(inbox().lines().filter(line -> line.startsWith("| `")).count()).isEqualTo(InboxTask.values().length);
	}

	static String transitions() {
		List<String> lines = new ArrayList<>();
		lines.add("| action (`allowedActions` name) | from | who may act | condition | to | checked when taken |");
		lines.add("|---|---|---|---|---|---|");
		for (FilingTransitions.Transition row : FilingTransitions.all()) {
			String name = row.action().apiName() == null ? "(system, no endpoint)" : "`" + row.action().apiName() + "`";
			lines.add("| " + row.action().label() + " " + name + " | " + states(row.from()) + " | " + party(row.party())
					+ " | " + (row.condition() == FilingCondition.NONE ? "—" : row.condition().description()) + " | "
					+ (row.to().isEmpty() ? "unchanged" : states(row.to())) + " | "
					+ (row.requirements().isEmpty() ? "—" : row.requirements()) + " |");
		}
		lines.add("");
		lines.add("| state | possible actions (who) |");
		lines.add("|---|---|");
		for (FilingState state : FilingState.values()) {
			String actions = FilingTransitions.all()
				.stream()
				.filter(row -> row.from().contains(state))
				.map(row -> row.action().label()
						+ (row.condition() == FilingCondition.NONE ? "" : " [" + row.condition().description() + "]")
						+ " (" + row.party().label() + ")")
				.collect(Collectors.joining("; "));
			lines.add("| `" + state.name() + "` " + state.label() + " | " + (actions.isEmpty() ? "– (final)" : actions)
					+ " |");
		}
		return String.join("\n", lines);
	}

	static String inbox() {
		List<String> lines = new ArrayList<>();
		lines.add("| inbox `action` | label | done by | states | whose inbox | also |");
		lines.add("|---|---|---|---|---|---|");
		for (InboxTask task : InboxTask.values()) {
			lines.add("| `" + task.code() + "` | " + task.label() + " | " + task.action().label() + " | "
					+ states(task.states()) + " | " + party(task.audience()) + " | "
					+ (task.condition() == FilingCondition.NONE ? "—" : task.condition().description()) + " |");
		}
		return String.join("\n", lines);
	}

	private static String party(Party party) {
		String roles = party.roles()
			.stream()
			.map(Role::name)
			.map(role -> "`" + role + "`")
			.collect(Collectors.joining(", "));
		return party.label() + (roles.isEmpty() ? "" : " (" + roles + ")") + ": " + party.relation();
	}

	private static String states(java.util.Collection<FilingState> states) {
		return states.stream().sorted().map(s -> "`" + s.name() + "`").collect(Collectors.joining(", "));
	}

	private static String replace(String doc, String marker, String content) {
		String begin = "<!-- " + marker + ":begin -->";
		String end = "<!-- " + marker + ":end -->";
		int from = doc.indexOf(begin);
		int to = doc.indexOf(end);
		assertThat(from).as("docs/filing.md 缺少标记 %s", begin).isNotNegative();
		assertThat(to).as("docs/filing.md 缺少标记 %s", end).isGreaterThan(from);
		return doc.substring(0, from + begin.length()) + "\n" + content + "\n" + doc.substring(to);
	}

}
