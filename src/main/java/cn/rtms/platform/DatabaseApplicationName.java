package cn.rtms.platform;

import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Names every pooled connection of this process in PostgreSQL ({@code application_name}
 * "rtms &lt;pid&gt;-&lt;random&gt;", seen in {@code pg_stat_activity}), for the embedded
 * and an external database alike: a database administrator sees which node holds a
 * connection, and {@code ./rtms restore} refuses while another node is still connected
 * ({@link DatabaseBackup#otherNodes}). A name configured by the operator
 * ({@code spring.datasource.hikari.data-source-properties.ApplicationName}) is kept.
 */
@Component
class DatabaseApplicationName implements BeanPostProcessor {

	/** What every node's name starts with. */
	static final String PREFIX = "rtms ";

	/** This process's name (at most PostgreSQL's 63 bytes). */
	static final String THIS_NODE = PREFIX + ProcessHandle.current().pid() + "-"
			+ UUID.randomUUID().toString().substring(0, 8);

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && !pool.getDataSourceProperties().containsKey("ApplicationName")) {
			pool.addDataSourceProperty("ApplicationName", THIS_NODE);
		}
		return bean;
	}

}
