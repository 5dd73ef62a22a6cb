package cn.rtms.filing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import cn.rtms.filing.domain.WorkingDayCalendar;
import cn.rtms.filing.domain.WorkingDayDeadlines;

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

	@Bean
	WorkingDayDeadlines filingDeadlines() throws IOException {
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
		return new WorkingDayDeadlines(calendar, days);
	}

}
