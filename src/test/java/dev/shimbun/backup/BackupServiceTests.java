package dev.shimbun.backup;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.shimbun.MutableClock;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import dev.shimbun.media.MediaFiles;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** What goes into a backup archive, what the backup directory keeps. */
class BackupServiceTests {

	@TempDir
	Path dataDir;

	private final AuditService audit = mock(AuditService.class);

	// 2025-06-10 03:30:00 in Tokyo
	private final MutableClock clock = new MutableClock(Instant.parse("2025-06-09T18:30:00Z"));

	@Test
	void anH2FileDatabaseAndItsMediaGoIntoOneArchive() throws Exception {
		Path media = this.dataDir.resolve("media");
		Files.createDirectories(media.resolve("ab/ab12cd34ef"));
		Files.write(media.resolve("ab/ab12cd34ef/original"), new byte[] { 1, 2, 3 });
		Files.write(media.resolve("ab/ab12cd34ef/640"), new byte[] { 4, 5 });
		Files.write(media.resolve("ab/ab12cd34ef/.1280-123.tmp"), new byte[] { 6 });
		BackupService backups = service(fileDatabase(), Map.of());
		assertThat(backups.mode()).isEqualTo(BackupMode.H2);

		BackupView backup = backups.create();

		assertThat(backup.name()).isEqualTo("shimbun-20250610-033000.zip");
		Path archive = this.dataDir.resolve("backups").resolve(backup.name());
		assertThat(backup.byteSize()).isEqualTo(Files.size(archive));
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("backup.properties",
					"database/shimbun.mv.db", "media/", "media/ab/ab12cd34ef/640", "media/ab/ab12cd34ef/original");
			assertThat(new String(zip.getInputStream(zip.getEntry("backup.properties")).readAllBytes()))
				.contains("format=1", "created=2025-06-09T18:30:00Z", "database=h2");
			assertThat(zip.getInputStream(zip.getEntry("media/ab/ab12cd34ef/original")).readAllBytes())
				.containsExactly(1, 2, 3);
		}
		try (Stream<Path> files = Files.list(this.dataDir.resolve("backups"))) {
			assertThat(files).containsExactly(archive);
		}
		verify(this.audit).record(eq(AuditAction.BACKUP_CREATED), eq("backup"), eq(backup.name()), any());
	}

	@Test
	void withoutMediaTheArchiveHoldsTheDatabase() throws Exception {
		Path elsewhere = this.dataDir.resolve("elsewhere");
		BackupService backups = service(fileDatabase(), Map.of("shimbun.backup.dir", elsewhere.toString()));
		assertThat(backups.directory()).isEqualTo(elsewhere);
		BackupView backup = backups.createScheduled();
		try (ZipFile zip = new ZipFile(backups.directory().resolve(backup.name()).toFile())) {
			assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("backup.properties",
					"database/shimbun.mv.db", "media/");
		}
		verify(this.audit).recordAs(eq("system"), eq(AuditAction.BACKUP_CREATED), eq("backup"), eq(backup.name()),
				any());
	}

	@Test
	void onlyTheNewestArchivesAreKept() throws Exception {
		BackupService backups = service(fileDatabase(), Map.of("shimbun.backup.keep", "3"));
		backups.create();
		backups.create(); // the same second
		this.clock.advance(Duration.ofDays(1));
		backups.create();
		this.clock.advance(Duration.ofDays(1));
		backups.create();

		assertThat(backups.list()).extracting(BackupView::name)
			.containsExactly("shimbun-20250612-033000.zip", "shimbun-20250611-033000.zip",
					"shimbun-20250610-033000-2.zip");
		assertThat(backups.find("shimbun-20250611-033000.zip")).isPresent();
		assertThat(backups.find("shimbun-20250610-033000.zip")).isEmpty();
		assertThat(backups.find("../shimbun.mv.db")).isEmpty();
		assertThat(backups.find("shimbun.mv.db")).isEmpty();
	}

	@Test
	void anInMemoryDatabaseIsNotBackedUp() {
		JdbcDataSource memory = new JdbcDataSource();
		memory.setURL("jdbc:h2:mem:backup-" + System.nanoTime());
		BackupService backups = service(memory, Map.of());
		assertThat(backups.mode()).isEqualTo(BackupMode.UNSUPPORTED);
		assertThatExceptionOfType(BackupException.class).isThrownBy(backups::create)
			.extracting(BackupException::messageKey)
			.isEqualTo("backups.error.unsupported");
		assertThat(backups.list()).isEmpty();
	}

	@Test
	void createWhileABackupIsBeingTakenThenRefusedAndTheFirstCompletes() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		BackupService backups = service(fileDatabase(), Map.of(),
				(database, media) -> new ArchiveWriter(database, media) {
					@Override
					int write(Path archive, Path databaseCopy, Instant now) throws IOException {
						writing.countDown();
						try {
							if (!finish.await(30, TimeUnit.SECONDS)) {
								throw new IOException("never told to finish");
							}
						}
						catch (InterruptedException ex) {
							// it has no constructor that keeps a cause
							throw new InterruptedIOException(); // NOPMD
						}
						return super.write(archive, databaseCopy, now);
					}
				});
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<BackupView> first = executor.submit(backups::create);
			assertThat(writing.await(30, TimeUnit.SECONDS)).as("first backup writing").isTrue();

			assertThatExceptionOfType(BackupException.class).isThrownBy(backups::create)
				.extracting(BackupException::messageKey)
				.isEqualTo("backups.error.running");

			finish.countDown();
			assertThat(first.get(30, TimeUnit.SECONDS).name()).isEqualTo("shimbun-20250610-033000.zip");
		}
		finally {
			finish.countDown();
			executor.shutdownNow();
		}
		assertThat(backups.list()).extracting(BackupView::name).containsExactly("shimbun-20250610-033000.zip");
		verify(this.audit).record(eq(AuditAction.BACKUP_CREATED), eq("backup"), any(), any());
	}

	@Test
	void createWhenTheArchiveCannotBeWrittenThenFailedAndNothingIsLeft() throws Exception {
		BackupService backups = service(fileDatabase(), Map.of(),
				(database, media) -> new ArchiveWriter(database, media) {
					@Override
					int write(Path archive, Path databaseCopy, Instant now) throws IOException {
						super.write(archive, databaseCopy, now);
						throw new IOException("No space left on device");
					}
				});

		assertThatExceptionOfType(BackupException.class).isThrownBy(backups::create)
			.extracting(BackupException::messageKey)
			.isEqualTo("backups.error.failed");

		try (Stream<Path> files = Files.list(this.dataDir.resolve("backups"))) {
			assertThat(files).isEmpty();
		}
		verifyNoInteractions(this.audit);
	}

	@Test
	void aScheduleIsShownOnlyWhenOneIsSet() {
		assertThat(service(fileDatabase(), Map.of()).schedule()).isEmpty();
		assertThat(service(fileDatabase(), Map.of("shimbun.backup.cron", "0 30 3 * * *")).schedule())
			.contains("0 30 3 * * *");
	}

	@Test
	void sizesReadAsEditorsExpect() {
		assertThat(view(900).byteSizeText()).isEqualTo("900 B");
		assertThat(view(350_000).byteSizeText()).isEqualTo("342 KB");
		assertThat(view(52_428_800).byteSizeText()).isEqualTo("50.0 MB");
		assertThat(view(3L * 1024 * 1024 * 1024).byteSizeText()).isEqualTo("3.00 GB");
	}

	private static BackupView view(long size) {
		return new BackupView("shimbun-20250610-033000.zip", size, null);
	}

	private JdbcDataSource fileDatabase() {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:file:" + this.dataDir.resolve("shimbun"));
		database.setUser("sa");
		return database;
	}

	private BackupService service(javax.sql.DataSource dataSource, Map<String, String> settings) {
		return service(dataSource, settings, ArchiveWriter::new);
	}

	private BackupService service(javax.sql.DataSource dataSource, Map<String, String> settings,
			BiFunction<DatabaseBackup, MediaFiles, ArchiveWriter> writer) {
		Map<String, String> all = new java.util.HashMap<>(settings);
		all.put("shimbun.data-dir", this.dataDir.toString());
		ShimbunProperties properties = new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("shimbun",
				ShimbunProperties.class);
		DatabaseBackup database = new DatabaseBackup(dataSource);
		return new BackupService(database, new BackupArchives(properties),
				writer.apply(database, MediaFiles.onDisk(properties)), this.audit, this.clock, properties);
	}

}
