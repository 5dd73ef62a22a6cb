package cn.rtms.platform;

import java.net.URL;
import java.util.Enumeration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryInUseAnalyzerTests {

	@Test
	void isRegisteredAndReportsTheRunningPlatformInChinese() throws Exception {
		boolean registered = false;
		Enumeration<URL> files = getClass().getClassLoader()
			.getResources(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION);
		while (files.hasMoreElements()) {
			Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(files.nextElement()));
			registered |= factories.getProperty(FailureAnalyzer.class.getName(), "")
				.contains(DataDirectoryInUseAnalyzer.class.getName());
		}
		assertThat(registered).as("listed in META-INF/spring.factories").isTrue();
		FailureAnalyzer analyzer = new DataDirectoryInUseAnalyzer();
		BeanCreationException failure = new BeanCreationException("embeddedDatabase", "Failed to instantiate",
				new DataDirectoryInUse("数据目录 /x/var/pgdata 正被另一个运行中的 RTMS 使用（PostgreSQL 进程 42，端口 5432）：请先停止它"));
		FailureAnalysis analysis = analyzer.analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("正被另一个运行中的 RTMS 使用", "进程 42");
		assertThat(analysis.getAction()).contains("先停止正在运行的 RTMS");
	}

}
