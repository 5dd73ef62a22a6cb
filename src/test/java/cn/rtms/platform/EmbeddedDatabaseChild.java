package cn.rtms.platform;

import java.nio.file.Path;

/**
 * A JVM that starts the embedded database through {@link EmbeddedDatabase} and then waits
 * to be killed: {@link EmbeddedDatabaseIT} kills it with SIGKILL to leave the postmaster
 * orphaned, as {@code kill -9} of the platform does.
 */
public final class EmbeddedDatabaseChild {

	private EmbeddedDatabaseChild() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedDatabase.Started started = EmbeddedDatabase
			.start(EmbeddedDatabase.Settings.persistent(Path.of(args[0])));
		System.out.println("READY " + started.postgres().getPort());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
