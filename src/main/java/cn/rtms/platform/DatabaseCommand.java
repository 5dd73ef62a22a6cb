package cn.rtms.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./rtms backup [FILE]} and {@code ./rtms restore FILE}: the platform started
 * without web server ({@code --rtms.command=backup|restore}, {@code --rtms.backup.file}),
 * one {@link DatabaseBackup} call, exit status 0 or 1 with the reason printed.
 */
@Component
@Order(0)
@ConditionalOnExpression("'${rtms.command:}' == 'backup' or '${rtms.command:}' == 'restore'")
class DatabaseCommand implements ApplicationRunner {

	static final int FAILED = 1;

	private final DatabaseBackup backups;

	private final String command;

	private final String file;

	private final Clock clock;

	private final PrintStream out;

	private final IntConsumer exit;

	private final @Nullable Path safetyDirectory;

	@Autowired
	DatabaseCommand(DatabaseBackup backups, @Value("${rtms.command}") String command,
			@Value("${rtms.backup.file:}") String file, Clock clock, ConfigurableApplicationContext context,
			@Value("${rtms.restore.safety-backup:true}") boolean safetyBackup) {
		this(backups, command, file, clock, System.out,
				status -> System.exit(SpringApplication.exit(context, () -> status)),
				safetyBackup ? Path.of("var/backups") : null);
	}

	/**
	 * @param safetyDirectory where a restore first backs up the database it replaces;
	 * {@code null}: no safety backup ({@code RTMS_RESTORE_NO_SAFETY_BACKUP=1})
	 */
	DatabaseCommand(DatabaseBackup backups, String command, String file, Clock clock, PrintStream out, IntConsumer exit,
			@Nullable Path safetyDirectory) {
		this.backups = backups;
		this.command = command;
		this.file = file;
		this.clock = clock;
		this.out = out;
		this.exit = exit;
		this.safetyDirectory = safetyDirectory;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			if (this.command.equals("backup")) {
				Path target = Path.of(this.file.isBlank() ? "var/backups/rtms-" + stamp() + ".rtmsdump" : this.file);
				DatabaseBackup.Manifest manifest = this.backups.backup(target);
				this.out.println("备份完成：" + target.toAbsolutePath() + "（" + manifest.tables().size() + " 张表，结构版本 "
						+ manifest.schemaVersion() + "）");
			}
			else {
				if (this.file.isBlank()) {
					throw new IOException("请指定备份文件：./rtms restore FILE");
				}
				Path source = Path.of(this.file);
				if (this.safetyDirectory != null) {
					// what is about to be replaced is kept until the operator deletes it:
					// a
					// restore of the wrong file, or of a backup older than meant, can be
					// undone
					this.backups.check(source);
					List<String> others = this.backups.otherNodes();
					if (!others.isEmpty()) {
						throw new IOException(
								"数据库仍被其他 RTMS 节点连接（" + String.join("；", others) + "）：请先停止所有节点再恢复；数据库未作任何改动");
					}
					Path safety = this.safetyDirectory.resolve("rtms-before-restore-" + stamp() + ".rtmsdump");
					try {
						this.backups.backup(safety);
					}
					catch (IOException ex) {
						throw new IOException("恢复前未能备份当前数据库（" + ex.getMessage() + "），数据库未作任何改动；"
								+ "如确认当前数据无需保留，可设置 RTMS_RESTORE_NO_SAFETY_BACKUP=1 后重试", ex);
					}
					this.out.println("恢复前已备份当前数据库：" + safety.toAbsolutePath() + "（如需撤销本次恢复，可再用它恢复）");
				}
				DatabaseBackup.Manifest manifest = this.backups.restore(source);
				this.out.println("恢复完成：数据回到 " + manifest.createdAt() + " 的备份（结构版本 " + manifest.schemaVersion()
						+ "），下次启动时迁移到当前版本");
			}
			this.exit.accept(0);
		}
		catch (IOException | RuntimeException ex) {
			this.out.println("失败：" + ex.getMessage());
			this.exit.accept(FAILED);
		}
	}

	private String stamp() {
		return LocalDateTime.now(this.clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
	}

}
