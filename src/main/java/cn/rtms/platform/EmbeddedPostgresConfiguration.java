package cn.rtms.platform;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts an embedded PostgreSQL when {@code spring.datasource.url} is not set. Production
 * sets {@code SPRING_DATASOURCE_URL}, {@code SPRING_DATASOURCE_USERNAME} and
 * {@code SPRING_DATASOURCE_PASSWORD} and this configuration stays inactive.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "deleteClone")
	EmbeddedDatabase.Started embeddedDatabase(Environment environment) throws IOException {
		Path dataDir = Path.of(environment.getProperty("rtms.database.embedded.data-dir", "var/pgdata"))
			.toAbsolutePath();
		boolean clean = environment.getProperty("rtms.database.embedded.clean", Boolean.class, false);
		int port = environment.getProperty("rtms.database.embedded.port", Integer.class, 0);
		boolean durable = environment.getProperty("rtms.database.embedded.durable", Boolean.class, true);
		String passwordFile = environment.getProperty("rtms.database.embedded.password-file");
		String template = environment.getProperty("rtms.database.embedded.template-dir", "");
		EmbeddedDatabase.Started started = EmbeddedDatabase
			.start(new EmbeddedDatabase.Settings(dataDir, clean, port, durable,
					passwordFile != null && !passwordFile.isBlank() ? Path.of(passwordFile).toAbsolutePath()
							: EmbeddedDatabase.defaultPasswordFile(dataDir),
					clean && !template.isBlank() ? Path.of(template).toAbsolutePath() : null));
		log.info("内置 PostgreSQL 已启动：127.0.0.1:{}，数据目录 {}{}", started.postgres().getPort(), dataDir,
				durable ? "" : "（fsync 关闭，仅用于可丢弃的测试数据）");
		return started;
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabase.Started database) {
		return database.postgres();
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase.Started database, EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername(EmbeddedDatabase.SUPERUSER);
		dataSource.setPassword(database.password());
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("rtms-embedded");
		return dataSource;
	}

}
