package cn.rtms.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start refused because the data directory is in use into Spring Boot's short
 * failure report, in Chinese, with what to do.
 */
class DataDirectoryInUseAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUse> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUse cause) {
		return new FailureAnalysis(cause.getMessage(),
				"先停止正在运行的 RTMS（在运行 ./rtms start 的终端按 Ctrl+C，或向其 java 进程发送 SIGTERM），"
						+ "再执行本命令；备份、恢复与审计校验都需要平台停止。若要同时运行多个节点，请使用外部 PostgreSQL（见 README 的 “Several nodes behind a reverse proxy”）。",
				cause);
	}

}
