package dev.shimbun.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.support.StaffSession;
import dev.shimbun.web.HtmlForm;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The newsroom's side of {@code bench/churn.sh}: while readers read, an editor saves one
 * of the newest articles (those on the front page) every second, and readers post
 * comments on the newest articles at a steady rate, each from its own address (sent as
 * {@code X-Forwarded-For}, which the application believes from the loopback address).
 * Runs for the given seconds and prints one RESULT line.
 * <p>
 * Usage: {@code ChurnDriver <port> <admin user> <admin password> <seconds> <comments per
 * second> <newest articles commented> [<start file>]}: with a start file, the editor
 * signs in and finds the edit pages first, then the run starts when the file exists.
 */
public final class ChurnDriver {

	private static final String READER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	/** The newest articles the editor saves. */
	private static final int EDITED = 20;

	private static final Map<Integer, String> EDIT_PAGES = new ConcurrentHashMap<>();

	/** The answers other than 302 to comments, by status. */
	private static final Map<Integer, Integer> REFUSALS = new ConcurrentHashMap<>();

	private ChurnDriver() {
	}

	/**
	 * Signs the editor in, trying again up to five times a second apart: a failed try is
	 * printed (and shows in the newsroom's output), not the end of the run.
	 */
	private static StaffSession signIn(int port, String username, String password) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				return StaffSession.signIn(port, username, password);
			}
			catch (RuntimeException | AssertionError ex) {
				System.err.println("sign-in " + attempt + " failed: " + ex);
				if (attempt == 5) {
					throw ex;
				}
				Thread.sleep(1000);
			}
		}
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int seconds = Integer.parseInt(args[3]);
		int commentsPerSecond = Integer.parseInt(args[4]);
		int commented = Integer.parseInt(args[5]);
		StaffSession editor = signIn(port, args[1], args[2]);
		if (args.length > 6) {
			// the editor has the articles' edit pages at hand before the clock starts: an
			// editor's search of 100 000 headlines is not what this measures
			for (int number = 1; number <= EDITED; number++) {
				editPage(editor, number);
			}
			System.out.println("edit pages found; waiting for " + args[6]);
			Path go = Path.of(args[6]);
			while (!Files.exists(go)) {
				Thread.sleep(100);
			}
		}
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		AtomicInteger saved = new AtomicInteger();
		AtomicInteger saveFailed = new AtomicInteger();
		AtomicInteger posted = new AtomicInteger();
		AtomicInteger postFailed = new AtomicInteger();
		AtomicInteger sequence = new AtomicInteger();
		ScheduledExecutorService editors = Executors.newSingleThreadScheduledExecutor();
		ScheduledExecutorService commenters = Executors.newSingleThreadScheduledExecutor();
		editors.scheduleAtFixedRate(() -> {
			try {
				save(editor, 1 + ThreadLocalRandom.current().nextInt(EDITED), saved.get());
				saved.incrementAndGet();
			}
			catch (RuntimeException ex) {
				saveFailed.incrementAndGet();
				System.err.println("save failed: " + ex.getMessage());
			}
		}, 0, 1, TimeUnit.SECONDS);
		long period = 1_000_000 / commentsPerSecond;
		// sent without waiting for the answer: comments arrive at the rate, however long
		// each takes (a periodic task never overlaps itself)
		Queue<CompletableFuture<Void>> sent = new ConcurrentLinkedQueue<>();
		commenters.scheduleAtFixedRate(() -> {
			int n = sequence.incrementAndGet();
			String slug = "bench-" + (1 + ThreadLocalRandom.current().nextInt(commented));
			sent.add(http
				.sendAsync(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/articles/" + slug + "/comments"))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Origin", "http://localhost:" + port)
					.header("User-Agent", READER)
					.header("X-Forwarded-For", "10." + (n & 255) + "." + (n >> 8 & 255) + "." + (1 + (n >> 16 & 127)))
					.POST(HttpRequest.BodyPublishers.ofString("nickname=" + StaffSession.encode("読者" + n) + "&body="
							+ StaffSession.encode("記事の更新を読みながら書いたコメント " + n) + "&website="))
					.build(), HttpResponse.BodyHandlers.discarding())
				.handle((response, failure) -> {
					if (failure == null && response.statusCode() == 302) {
						posted.incrementAndGet();
					}
					else {
						postFailed.incrementAndGet();
						if (failure == null) {
							REFUSALS.merge(response.statusCode(), 1, Integer::sum);
						}
					}
					return null;
				}));
		}, 0, period, TimeUnit.MICROSECONDS);
		Thread.sleep(seconds * 1000L);
		// no more runs; the save in flight finishes rather than being interrupted (and
		// counted as failed)
		editors.shutdown();
		commenters.shutdown();
		editors.awaitTermination(30, TimeUnit.SECONDS);
		commenters.awaitTermination(30, TimeUnit.SECONDS);
		// the comments sent before the end, answered
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		System.out.println("comment refusals by status: " + REFUSALS);
		System.out.printf("RESULT saves=%d save_failures=%d comments=%d comment_failures=%d%n", saved.get(),
				saveFailed.get(), posted.get(), postFailed.get());
	}

	/**
	 * Opens the edit form of the generated article numbered {@code number} as an editor
	 * would, changes the summary and saves.
	 */
	private static void save(StaffSession editor, int number, int n) {
		Document page = Jsoup.parse(editor.get(editPage(editor, number)).body());
		HtmlForm form = HtmlForm.sent(page.selectFirst("form.article-editor"));
		form.set("summary", "第" + n + "版の要点。日米の高官らが核抑止の信頼性を確認した。");
		HttpResponse<String> response = editor.post(form.action(), form.urlEncoded());
		if (response.statusCode() != 302) {
			throw new IllegalStateException("saving article " + number + " answered " + response.statusCode());
		}
	}

	/**
	 * The address of the edit page of the generated article numbered {@code number},
	 * found as an editor would, by searching the headlines, the first time.
	 */
	private static String editPage(StaffSession editor, int number) {
		String headline = "ベンチマーク記事 " + number + " ";
		return EDIT_PAGES.computeIfAbsent(number, (key) -> {
			Document found = Jsoup
				.parse(editor.get("/admin/articles?q=" + StaffSession.encode(headline + "日米")).body());
			return found.select("a[href$=/edit]")
				.stream()
				.filter((link) -> link.text().startsWith(headline))
				.map((link) -> link.attr("href"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no edit link for article " + number));
		});
	}

}
