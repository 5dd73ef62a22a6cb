package cn.rtms.filing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import cn.rtms.filing.domain.WorkingDayCalendar;
import cn.rtms.filing.domain.WorkingDayDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The working-day calendar and step deadlines (data in {@code filing/}), and the daily
 * revocation check.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FilingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FilingConfiguration.class);

	@Bean
	WorkingDayDeadlines filingDeadlines(Clock clock) throws IOException {
		WorkingDayCalendar calendar;
		try (InputStream in = new ClassPathResource("filing/calendar-cn.txt").getInputStream()) {
			calendar = WorkingDayCalendar.parse(new InputStreamReader(in, StandardCharsets.UTF_8),
					"filing/calendar-cn.txt");
		}
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource("filing/deadlines.properties").getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Map<String, Integer> days = new HashMap<>();
		for (String key : properties.stringPropertyNames()) {
			try {
				days.put(key, Integer.parseInt(properties.getProperty(key).strip()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException("filing/deadlines.properties：" + key + " 的取值必须是工作日数（整数）", ex);
			}
		}
		LocalDate today = LocalDate.now(clock);
		String note = calendar.coverageNote(today, today.plusYears(1));
		if (note != null) {
			log.warn("工作日历 filing/calendar-cn.txt 覆盖 {}–{} 年，今天是 {}。{}。请按国务院办公厅节假日安排通知补充该年数据。", calendar.firstYear(),
					calendar.lastYear(), today, note);
		}
		return new WorkingDayDeadlines(calendar, days);
	}

}
