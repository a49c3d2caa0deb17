package dev.shimbun.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The group commit of {@link DurableCommits}, with real threads: a commit is released
 * only by a sync that started after it, concurrent commits share syncs, and a failed sync
 * fails the commits that waited for it.
 */
class DurableCommitsTests {

	private static final int WAITERS = 8;

	@TempDir
	Path temp;

	@Test
	void commitsDuringASyncWaitForTheNextOneAndShareIt() throws Exception {
		AtomicLong clock = new AtomicLong();
		RecordingSync sync = new RecordingSync(clock);
		DurableCommits durable = new DurableCommits(sync, new SimpleMeterRegistry());
		ExecutorService threads = Executors.newFixedThreadPool(WAITERS + 1);
		try {
			// the first commit leads sync 1, which stays open until released
			Future<?> first = threads.submit(durable::awaitDurable);
			assertThat(sync.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			List<Thread> waiting = new CopyOnWriteArrayList<>();
			List<Future<long[]>> commits = new ArrayList<>();
			for (int i = 0; i < WAITERS; i++) {
				commits.add(threads.submit(() -> {
					waiting.add(Thread.currentThread());
					long committed = clock.incrementAndGet();
					durable.awaitDurable();
					return new long[] { committed, clock.incrementAndGet() };
				}));
			}
			awaitAllWaiting(waiting);
			assertThat(commits).noneMatch(Future::isDone);
			sync.releaseFirst.countDown();
			first.get(10, TimeUnit.SECONDS);
			List<long[]> syncs = sync.syncs;
			for (Future<long[]> commit : commits) {
				long[] times = commit.get(10, TimeUnit.SECONDS);
				// released by a sync that started after the commit and ended before the
				// release
				assertThat(syncs).anyMatch((run) -> run[0] > times[0] && run[1] < times[1]);
				// sync 1 started before these commits: it released none of them
				assertThat(times[1]).isGreaterThan(syncs.get(1)[1]);
			}
			assertThat(syncs).hasSize(2);
			assertThat(durable.syncCount()).isEqualTo(2);
		}
		finally {
			sync.releaseFirst.countDown();
			threads.shutdownNow();
		}
	}

	@Test
	void concurrentCommitsNeedFewerSyncsThanCommits() throws Exception {
		Path file = this.temp.resolve("synced");
		AtomicInteger syncs = new AtomicInteger();
		DurableCommits durable = new DurableCommits(() -> {
			// a real fsync, as the database's would be
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(new byte[] { 1 }), syncs.incrementAndGet());
				channel.force(true);
			}
		}, new SimpleMeterRegistry());
		int threads = 16;
		int commitsEach = 50;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				done.add(pool.submit(() -> {
					start.await();
					for (int n = 0; n < commitsEach; n++) {
						durable.awaitDurable();
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(durable.syncCount()).isEqualTo(syncs.get()).isLessThan(threads * commitsEach);
	}

	@Test
	void aFailedSyncFailsEveryCommitThatWaitedForIt() throws Exception {
		AtomicLong clock = new AtomicLong();
		RecordingSync sync = new RecordingSync(clock);
		sync.failing = 2;
		DurableCommits durable = new DurableCommits(sync, new SimpleMeterRegistry());
		ExecutorService threads = Executors.newFixedThreadPool(WAITERS + 1);
		try {
			Future<?> first = threads.submit(durable::awaitDurable);
			assertThat(sync.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			List<Thread> waiting = new CopyOnWriteArrayList<>();
			List<Future<?>> commits = new ArrayList<>();
			for (int i = 0; i < WAITERS; i++) {
				commits.add(threads.submit(() -> {
					waiting.add(Thread.currentThread());
					durable.awaitDurable();
					return null;
				}));
			}
			awaitAllWaiting(waiting);
			sync.releaseFirst.countDown();
			first.get(10, TimeUnit.SECONDS);
			for (Future<?> commit : commits) {
				assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
					.isThrownBy(() -> commit.get(10, TimeUnit.SECONDS))
					.withCauseInstanceOf(DataAccessResourceFailureException.class)
					.withRootCauseInstanceOf(IOException.class);
			}
			// the next sync works again
			durable.awaitDurable();
			assertThat(sync.syncs).hasSize(3);
		}
		finally {
			sync.releaseFirst.countDown();
			threads.shutdownNow();
		}
	}

	@Test
	void aWriteTransactionReturnsAfterASyncAndFailsWhenTheSyncFails() {
		AtomicInteger syncs = new AtomicInteger();
		AtomicInteger failing = new AtomicInteger();
		DurableCommits durable = new DurableCommits(() -> {
			syncs.incrementAndGet();
			if (failing.get() > 0) {
				throw new IOException("disk gone");
			}
		}, new SimpleMeterRegistry());
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:durable-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
		transactionManager.addListener(durable);
		TransactionTemplate writes = new TransactionTemplate(transactionManager);
		TransactionTemplate reads = new TransactionTemplate(transactionManager);
		reads.setReadOnly(true);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE note (body VARCHAR(20))");

		writes.executeWithoutResult((status) -> jdbc.update("INSERT INTO note VALUES ('first')"));
		assertThat(syncs).hasValue(1);
		reads.execute((status) -> jdbc.queryForObject("SELECT COUNT(*) FROM note", Long.class));
		assertThat(syncs).as("read-only transactions do not wait").hasValue(1);
		// a transaction joined by another waits once, at the end of the outer one
		writes.executeWithoutResult((outer) -> writes.executeWithoutResult((inner) -> {
			jdbc.update("INSERT INTO note VALUES ('nested')");
			assertThat(syncs).hasValue(1);
		}));
		assertThat(syncs).hasValue(2);

		failing.set(1);
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> writes.executeWithoutResult((status) -> jdbc.update("INSERT INTO note VALUES ('lost?')")))
			.withMessageContaining("could not be synced");
		// committed, but the caller was not told it was saved
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note WHERE body = 'lost?'", Long.class)).isOne();
	}

	@Test
	void onlyDatabasesInFilesNeedASync() {
		assertThat(H2FileSync.keepsFiles("jdbc:h2:file:./data/shimbun;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")).isTrue();
		assertThat(H2FileSync.keepsFiles("jdbc:h2:./data/shimbun")).isTrue();
		assertThat(H2FileSync.keepsFiles("jdbc:h2:~/shimbun")).isTrue();
		assertThat(H2FileSync.keepsFiles("jdbc:h2:tcp://db.example:9092/~/shimbun")).isTrue();
		assertThat(H2FileSync.keepsFiles("jdbc:h2:mem:shimbun-1;DB_CLOSE_DELAY=-1")).isFalse();
		assertThat(H2FileSync.keepsFiles("jdbc:h2:tcp://localhost/mem:shimbun")).isFalse();
		assertThat(H2FileSync.keepsFiles("jdbc:postgresql://localhost/shimbun")).isFalse();
	}

	/**
	 * Waits until every thread is parked in the barrier's wait, before the sync they wait
	 * for is released.
	 */
	private static void awaitAllWaiting(List<Thread> threads) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (threads.size() < WAITERS
				|| threads.stream().anyMatch((thread) -> thread.getState() != Thread.State.WAITING)) {
			assertThat(System.nanoTime()).as("all commits waiting").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	/**
	 * A sync that notes when each run started and ended on a shared clock; the first run
	 * stays open until released, and the run numbered {@code failing} fails.
	 */
	private static final class RecordingSync implements DurableCommits.DatabaseSync {

		final CountDownLatch firstStarted = new CountDownLatch(1);

		final CountDownLatch releaseFirst = new CountDownLatch(1);

		final List<long[]> syncs = new CopyOnWriteArrayList<>();

		private final AtomicLong clock;

		volatile int failing;

		RecordingSync(AtomicLong clock) {
			this.clock = clock;
		}

		@Override
		public void run() throws Exception {
			long started = this.clock.incrementAndGet();
			int number = this.syncs.size() + 1;
			if (number == 1) {
				this.firstStarted.countDown();
				this.releaseFirst.await();
			}
			long ended = this.clock.incrementAndGet();
			this.syncs.add(new long[] { started, ended });
			if (number == this.failing) {
				throw new IOException("disk gone");
			}
		}

	}

}
