package dev.shimbun.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.SignedIn;
import dev.shimbun.security.StaffService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has an article open in the editor, as WordPress's post lock shows it: each open
 * editor page says so every few seconds; the first one to open the article holds it, the
 * others see who does and may take it over. Kept in the database, so it holds across
 * instances; each change takes the article's row lock, so two people opening or taking
 * over at once end with exactly one holder.
 */
@Service
@Transactional
public class ArticlePresence {

	private final EditorTables tables;

	private final ArticleLocks locks;

	private final StaffService staff;

	private final Clock clock;

	private final Duration timeout;

	ArticlePresence(EditorTables tables, ArticleLocks locks, StaffService staff, Clock clock,
			ShimbunProperties properties) {
		this.tables = tables;
		this.locks = locks;
		this.staff = staff;
		this.clock = clock;
		this.timeout = properties.editor().presenceTimeout();
	}

	/**
	 * The signed-in staff member has the article open: they hold it if nobody else does.
	 * @return who has it open now
	 */
	public Editors here(Long articleId) {
		String username = SignedIn.username();
		Instant now = prepare(articleId);
		this.tables.present(articleId, username, now, !this.tables.heldByOther(articleId, username));
		return editors(articleId, username);
	}

	/** The signed-in staff member takes the article over from whoever holds it. */
	public Editors takeOver(Long articleId) {
		String username = SignedIn.username();
		Instant now = prepare(articleId);
		this.tables.releaseAll(articleId);
		this.tables.present(articleId, username, now, true);
		return editors(articleId, username);
	}

	/** The signed-in staff member closed the article. */
	public void leave(Long articleId) {
		this.tables.absent(articleId, SignedIn.username());
	}

	/**
	 * Takes the article's lock (404 when there is no such article) and forgets those not
	 * seen for a while; the time now.
	 */
	private Instant prepare(Long articleId) {
		if (!this.locks.hold(articleId)) {
			throw new ArticleNotFoundException(String.valueOf(articleId));
		}
		Instant now = this.clock.instant();
		this.tables.forgetAbsent(articleId, now.minus(this.timeout));
		return now;
	}

	private Editors editors(Long articleId, String username) {
		List<Editor> all = this.tables.present(articleId)
			.stream()
			.map((present) -> new Editor(present.username(), this.staff.displayName(present.username()),
					present.holds()))
			.toList();
		List<Editor> others = all.stream().filter((editor) -> !editor.username().equals(username)).toList();
		boolean youHold = all.stream().anyMatch((editor) -> editor.username().equals(username) && editor.holds());
		return new Editors(youHold, others);
	}

	/**
	 * Who has an article open besides the one asking.
	 *
	 * @param youHold whether the one asking holds it
	 * @param others the others, the holder first
	 */
	public record Editors(boolean youHold, List<Editor> others) {

		/** The one holding the article if it is someone else, or null. */
		public Editor holder() {
			return this.others.stream().filter(Editor::holds).findFirst().orElse(null);
		}

	}

	/**
	 * Someone with the article open.
	 *
	 * @param username their sign-in name
	 * @param name their name as shown
	 * @param holds whether they hold it
	 */
	public record Editor(String username, String name, boolean holds) {
	}

}
