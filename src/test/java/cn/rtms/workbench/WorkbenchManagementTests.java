package cn.rtms.workbench;

import java.time.LocalDate;
import java.util.UUID;

import cn.rtms.filing.FilingStatistics.InboxDeadline;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline buckets of an authority's inbox. */
class WorkbenchManagementTests {

	static InboxDeadline item(@Nullable Integer left, boolean overdue) {
		return new InboxDeadline(UUID.randomUUID(), "长春市中心医院", "G08", "肿瘤消融治疗技术", "SUBMITTED", "已提交", "RECEIVE", "受理备案",
				left == null ? null : LocalDate.of(2026, 11, 27), left, overdue);
	}

	@Test
	void bucketsByWorkingDaysLeftWithOverdueFirst() {
		assertThat(WorkbenchManagement.bucket(item(-2, true))).isZero();
		assertThat(WorkbenchManagement.bucket(item(0, true))).as("overdue wins over the count").isZero();
		assertThat(WorkbenchManagement.bucket(item(0, false))).as("due today").isEqualTo(1);
		assertThat(WorkbenchManagement.bucket(item(3, false))).isEqualTo(1);
		assertThat(WorkbenchManagement.bucket(item(4, false))).isEqualTo(2);
		assertThat(WorkbenchManagement.bucket(item(10, false))).isEqualTo(2);
		assertThat(WorkbenchManagement.bucket(item(11, false))).isEqualTo(3);
		assertThat(WorkbenchManagement.bucket(item(null, false))).as("no time limit").isEqualTo(4);
	}

}
