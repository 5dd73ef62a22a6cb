package cn.rtms.platform;

import java.io.IOException;

/**
 * The embedded database's data directory belongs to a platform that is still running (its
 * JVM holds the directory's lock): a second start, a backup, a restore or an audit
 * verification must wait until that one stops. Reported at startup by
 * {@link DataDirectoryInUseAnalyzer} as one Chinese message instead of a stack trace.
 */
public class DataDirectoryInUse extends IOException {

	private static final long serialVersionUID = 1L;

	DataDirectoryInUse(String message) {
		super(message);
	}

}
