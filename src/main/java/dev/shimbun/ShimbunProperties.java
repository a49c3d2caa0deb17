package dev.shimbun;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every Shimbun setting in one place. Each can be overridden with an environment variable
 * ({@code SHIMBUN_DATA_DIR}, {@code SHIMBUN_SITE_BASE_URL}, ...).
 *
 * @param dataDir directory for the embedded database and other local data
 * @param site identity of the publication
 * @param pages sizes of the public page lists
 * @param admin the admin pages: first account and sign-in protection
 * @param media uploaded images: where they are kept and how large they may be
 * @param backup backups of the embedded database and the media files
 * @param database how an outage of the database is noticed
 * @param scheduling background jobs
 * @param cluster how instances hear of each other's changes
 * @param editor the article editor's guidelines, autosave and presence
 */
@ConfigurationProperties("shimbun")
public record ShimbunProperties(@DefaultValue("./data") String dataDir, @DefaultValue Site site,
		@DefaultValue Pages pages, @DefaultValue Admin admin, @DefaultValue Comments comments,
		@DefaultValue Media media, @DefaultValue Views views, @DefaultValue Backup backup,
		@DefaultValue Database database, @DefaultValue Scheduling scheduling, @DefaultValue Cluster cluster,
		@DefaultValue Editor editor, @DefaultValue Edge edge) {

	/**
	 * The name under which this object is a bean, for the {@code @Scheduled} expressions
	 * that read their intervals from it:
	 * {@code "#{@shimbunProperties.views().flushInterval()}"}.
	 */
	public static final String BEAN_NAME = "shimbunProperties";

	/** The directory of the media files: {@code shimbun.media.dir} or its default. */
	public Path mediaDirectory() {
		return orUnder(this.media.dir(), "media");
	}

	/**
	 * The directory of the backup archives: {@code shimbun.backup.dir} or its default.
	 */
	public Path backupDirectory() {
		return orUnder(this.backup.dir(), "backups");
	}

	private Path orUnder(String dir, String defaultName) {
		Path path = (dir == null || dir.isBlank()) ? Path.of(this.dataDir, defaultName) : Path.of(dir);
		return path.toAbsolutePath().normalize();
	}

	/**
	 * The publication as readers and search engines see it.
	 *
	 * @param name site name shown in the header, titles and structured data
	 * @param description default meta description for pages without their own
	 * @param baseUrl absolute URL the site is served under, for canonical links,
	 * OpenGraph and JSON-LD (no trailing slash)
	 * @param zone time zone in which dates are shown
	 * @param logoPath path of the publisher logo used in structured data
	 */
	public record Site(@DefaultValue("Shimbun") String name,
			@DefaultValue("国際・社会・トレンドのニュースを届けるオープンソースのニュースサイト") String description,
			@DefaultValue("http://localhost:8080") URI baseUrl, @DefaultValue("Asia/Tokyo") ZoneId zone,
			@DefaultValue("/images/logo.png") String logoPath) {

		/** The absolute URL of a site path such as {@code /articles/x}. */
		public String absolute(String path) {
			String base = this.baseUrl.toString();
			if (base.endsWith("/")) {
				base = base.substring(0, base.length() - 1);
			}
			return base + path;
		}

	}

	/**
	 * @param latestOnFront number of latest articles on the front page
	 * @param categoryPageSize articles per page on a category page
	 * @param cache whether rendered public pages (front, article, category) are kept in
	 * memory and served from there until what they show changes
	 * @param cacheSize how much memory those pages may take
	 * @param cacheTtl the longest a page is fresh even when nothing announced a change
	 * (the view count in the byline, for one, is refreshed no later than this); after
	 * that it is stale, served while one request renders it again
	 * @param maxAge how long browsers may reuse a page without asking ({@code max-age})
	 * @param sharedMaxAge how long a CDN or reverse proxy may ({@code s-maxage})
	 * @param staleWhileRevalidate how long after that a cache may serve the old page
	 * while it fetches the new one
	 * @param staleRenderings how many stale pages are rendered again at the same time; a
	 * reader of a stale page beyond that gets it as it is, and a later one renders it.
	 * {@code 0}: one fewer than the processors (at least one), so that renderings never
	 * take every processor from the pages served from memory
	 */
	public record Pages(@DefaultValue("20") int latestOnFront, @DefaultValue("20") int categoryPageSize,
			@DefaultValue("true") boolean cache, @DefaultValue("32MB") DataSize cacheSize,
			@DefaultValue("60s") Duration cacheTtl, @DefaultValue("10s") Duration maxAge,
			@DefaultValue("60s") Duration sharedMaxAge, @DefaultValue("30s") Duration staleWhileRevalidate,
			@DefaultValue("0") int staleRenderings) {

		public Pages {
			if (staleRenderings < 0) {
				throw new IllegalArgumentException("shimbun.pages.stale-renderings must be 0 or more");
			}
		}

		/** How many stale pages are rendered again at the same time, at least one. */
		public int staleRenderingsAtOnce() {
			return (this.staleRenderings > 0) ? this.staleRenderings
					: Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
		}
	}

	/**
	 * @param username user name of the ADMIN account created at the first start, when no
	 * staff account exists ({@code SHIMBUN_ADMIN_USERNAME})
	 * @param password its password ({@code SHIMBUN_ADMIN_PASSWORD}); when empty a strong
	 * one is generated and logged once. There is never a default password.
	 * @param maxFailedSignIns failed sign-ins for one account or from one address after
	 * which further tries are refused
	 * @param signInWindow the window in which failed sign-ins are counted, and how long
	 * the refusal lasts
	 */
	public record Admin(@DefaultValue("admin") String username, String password,
			@DefaultValue("5") int maxFailedSignIns, @DefaultValue("15m") Duration signInWindow) {
	}

	/**
	 * Uploaded images (JPEG, PNG, WebP, GIF).
	 *
	 * @param dir directory in which the files are kept, outside the web root
	 * ({@code SHIMBUN_MEDIA_DIR}); when empty, {@code media} under
	 * {@code shimbun.data-dir}
	 * @param maxUploadSize the largest file accepted
	 * ({@code SHIMBUN_MEDIA_MAX_UPLOAD_SIZE}).
	 * {@code spring.servlet.multipart.max-file-size} and {@code max-request-size} must be
	 * a little larger, so that a too large file gets this check's clear message
	 * @param maxPixels the most pixels of an image, of its canvas and of each of its
	 * frames ({@code SHIMBUN_MEDIA_MAX_PIXELS})
	 * @param maxDecodedSize the most memory all frames of one file may take decoded, at 4
	 * bytes a pixel ({@code SHIMBUN_MEDIA_MAX_DECODED_SIZE})
	 * @param concurrentDecodes how many uploads are decoded at the same time
	 * ({@code SHIMBUN_MEDIA_CONCURRENT_DECODES}); each may take up to about one and a
	 * half times {@code maxDecodedSize} of the heap
	 * @param decodeWait how long an upload waits for its turn before it is refused with
	 * 429 ({@code SHIMBUN_MEDIA_DECODE_WAIT})
	 * @param storage where the files are kept ({@code SHIMBUN_MEDIA_STORAGE}):
	 * {@code local} (the default) in {@code dir}, or {@code s3} in a bucket of an
	 * S3-compatible object store, set in {@code s3}
	 * @param s3 the bucket, when {@code storage} is {@code s3}
	 */
	public record Media(@DefaultValue("") String dir, @DefaultValue("10MB") DataSize maxUploadSize,
			@DefaultValue("50000000") long maxPixels, @DefaultValue("256MB") DataSize maxDecodedSize,
			@DefaultValue("2") int concurrentDecodes, @DefaultValue("10s") Duration decodeWait,
			@DefaultValue("local") Storage storage, @DefaultValue S3 s3) {

		/** Where media files are kept. */
		public enum Storage {

			/** In a local directory, {@code shimbun.media.dir}. */
			LOCAL,

			/**
			 * In a bucket of an S3-compatible object store, {@code shimbun.media.s3.*}.
			 */
			S3

		}

		/**
		 * A bucket of Amazon S3 or of any S3-compatible object store (MinIO, Ceph,
		 * Garage, Cloudflare R2 ...). Files are kept under {@code prefix} with the same
		 * names as on the disk: {@code ab/ab12.../original}, {@code ab/ab12.../640}.
		 *
		 * @param bucket the bucket, which must exist ({@code SHIMBUN_MEDIA_S3_BUCKET})
		 * @param endpoint the store's URL, for a store other than Amazon S3
		 * ({@code SHIMBUN_MEDIA_S3_ENDPOINT}, e.g. {@code http://minio:9000}); empty for
		 * Amazon S3
		 * @param region the region ({@code SHIMBUN_MEDIA_S3_REGION}); when empty, the
		 * SDK's default (the {@code AWS_REGION} variable, the profile) for Amazon S3, and
		 * {@code us-east-1} with an {@code endpoint}
		 * @param pathStyle whether the bucket goes in the path of URLs
		 * ({@code http://host/bucket/key}) rather than in the host name; most self-hosted
		 * stores need it ({@code SHIMBUN_MEDIA_S3_PATH_STYLE})
		 * @param prefix what the object names start with, such as {@code media/}
		 * ({@code SHIMBUN_MEDIA_S3_PREFIX}); empty for none
		 * @param accessKey the access key ({@code SHIMBUN_MEDIA_S3_ACCESS_KEY}); when
		 * empty, the credentials come from the SDK's default chain (the
		 * {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} variables, the
		 * profile, the instance or container role)
		 * @param secretKey the secret key that goes with {@code accessKey}
		 * ({@code SHIMBUN_MEDIA_S3_SECRET_KEY})
		 * @param publicBaseUrl when set, readers asking for a file that they may see are
		 * redirected to this URL followed by the object's name (a CDN in front of the
		 * bucket, or the bucket itself if it is public) instead of getting it through the
		 * application ({@code SHIMBUN_MEDIA_S3_PUBLIC_BASE_URL}, e.g.
		 * {@code https://cdn.example.jp}); files only editors may see are always served
		 * by the application
		 */
		public record S3(@DefaultValue("") String bucket, @DefaultValue("") String endpoint,
				@DefaultValue("") String region, @DefaultValue("false") boolean pathStyle,
				@DefaultValue("") String prefix, @DefaultValue("") String accessKey, @DefaultValue("") String secretKey,
				@DefaultValue("") String publicBaseUrl) {
		}

	}

	/**
	 * Reader comments.
	 *
	 * @param perMinute comments one client may post in a minute
	 * @param perDay comments one client may post in a day
	 * @param duplicateWindow how long the same text from the same client is refused
	 * @param reportThreshold reports from different clients after which a comment is
	 * hidden until a moderator decides
	 * @param pageSize comments on one page of an article
	 * @param maxRequestSize the largest comment request accepted, in bytes
	 * @param reactionLabels what readers see on the three reaction buttons, in order
	 * (empathy, insight, doubt)
	 * @param reactionsPerMinute reactions one client may press in a minute
	 * @param repliesShown replies shown under each comment in the article's list (the
	 * oldest first); the others are on the thread's own page
	 * @param editWindow how long after posting its author may edit or take back a comment
	 * @param liveStreams the most readers one instance tells of new comments at once
	 * (open Server-Sent Events streams); more are refused with 503 and simply see no live
	 * updates. {@code 0} (the default) sizes it by the heap: an open stream keeps about
	 * 17 KB of the heap, and the streams may take a quarter of it (about 2 700 at
	 * {@code -Xmx256m})
	 * @param liveStreamTimeout how long one stream stays open; the browser then opens a
	 * new one by itself
	 */
	public record Comments(@DefaultValue("5") int perMinute, @DefaultValue("50") int perDay,
			@DefaultValue("10m") Duration duplicateWindow, @DefaultValue("3") int reportThreshold,
			@DefaultValue("50") int pageSize, @DefaultValue("65536") long maxRequestSize, @DefaultValue( {
					"共感した", "なるほど", "うーん" }) List<String> reactionLabels,
			@DefaultValue("30") int reactionsPerMinute, @DefaultValue("3") int repliesShown,
			@DefaultValue("10m") Duration editWindow, @DefaultValue("0") int liveStreams,
			@DefaultValue("30m") Duration liveStreamTimeout){
	}

	/**
	 * Counting reads and computing rankings.
	 *
	 * @param dedupeWindow one view per reader per article in this window
	 * @param flushInterval how often buffered counts are written (at most this much is at
	 * risk on a crash)
	 * @param rankingInterval how often rankings are recomputed
	 * @param rankingSize entries in a computed list
	 * @param botPattern user agents that are not counted (a regular expression, case
	 * insensitive)
	 * @param rankingCategory the category (slug) of the computed [ニュース] ランキング
	 */
	public record Views(@DefaultValue("30m") Duration dedupeWindow, @DefaultValue("5s") Duration flushInterval,
			@DefaultValue("60s") Duration rankingInterval, @DefaultValue("6") int rankingSize,
			@DefaultValue("news") String rankingCategory,
			@DefaultValue("bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|whatsapp|headless|python|curl|wget|httpclient|okhttp|java|go-http|axios|node-fetch|libwww|scrapy|lighthouse|pingdom|monitor") String botPattern) {
	}

	/**
	 * Backups made by the application (docs/backup.md). Only the embedded H2 database is
	 * backed up this way; PostgreSQL is backed up with {@code bin/backup-postgres.sh}.
	 *
	 * @param dir directory for the backup archives ({@code SHIMBUN_BACKUP_DIR}); when
	 * empty, {@code backups} under {@code shimbun.data-dir}
	 * @param cron when a backup is taken without anyone asking, as a Spring cron
	 * expression in the site's time zone ({@code SHIMBUN_BACKUP_CRON}), for example
	 * {@code 0 30 3 * * *} for every day at 03:30; {@code -} (the default) takes none
	 * @param keep how many of the newest archives are kept after each backup; older ones
	 * are deleted. {@code 0} keeps all
	 * @param restoreMedia a backup archive whose media files are put into the media
	 * storage when the application starts, before it serves requests
	 * ({@code SHIMBUN_BACKUP_RESTORE_MEDIA}): how the media of a backup go back into a
	 * bucket ({@code shimbun.media.storage=s3}), which {@code bin/restore-h2.sh} cannot
	 * reach. Files of the same name are replaced, others are left; empty (the default)
	 * restores nothing
	 */
	public record Backup(@DefaultValue("") String dir, @DefaultValue("-") String cron, @DefaultValue("7") int keep,
			@DefaultValue("") String restoreMedia) {
	}

	/**
	 * Noticing that the database is gone and back (docs/deployment.md, "When the database
	 * is unavailable").
	 *
	 * @param probeInterval how often the database is asked for a sign of life, whether or
	 * not requests use it
	 * @param probeTimeout how long that question may take before the database counts as
	 * unavailable
	 * @param retryAfter the {@code Retry-After} of a 503 answered while it is unavailable
	 */
	public record Database(@DefaultValue("1s") Duration probeInterval, @DefaultValue("1s") Duration probeTimeout,
			@DefaultValue("5s") Duration retryAfter) {
	}

	/**
	 * Background jobs (scheduled publication, rankings, view-count flushes, change
	 * polling, backups).
	 *
	 * @param enabled whether this instance runs them at all (tests turn them off)
	 * @param articleInterval how often scheduled publication and unpublish times are
	 * applied to the articles' statuses (readers see the change at its time regardless)
	 */
	public record Scheduling(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration articleInterval) {
	}

	/**
	 * Several instances on one database (docs/deployment.md).
	 *
	 * @param pollInterval how often an instance reads the changes the others announced
	 */
	public record Cluster(@DefaultValue("1s") Duration pollInterval) {
	}

	/**
	 * The article editor.
	 *
	 * @param headlineLength the headline length a reader takes in at a glance, in
	 * characters as readers count them (a guideline shown beside the field, not a limit)
	 * @param summaryLength the same for the summary
	 * @param autosaveInterval how often the editor's script saves a draft while an editor
	 * types
	 * @param presenceTimeout how long a staff member counts as having an article open
	 * after their page last said so
	 */
	public record Editor(@DefaultValue("32") int headlineLength, @DefaultValue("120") int summaryLength,
			@DefaultValue("5s") Duration autosaveInterval, @DefaultValue("45s") Duration presenceTimeout) {
	}

	/**
	 * Edge caches (Varnish) in front of the instances (docs/edge-cache.md).
	 *
	 * @param caches the edge caches this instance tells when pages change, as base
	 * addresses ({@code http://varnish-1:6081}); none by default, and then pages carry no
	 * tags either
	 * @param purgeTimeout the longest a purge may take before it is given up (and logged)
	 */
	public record Edge(@DefaultValue List<URI> caches, @DefaultValue("2s") Duration purgeTimeout) {

		/** Whether edge caches are configured. */
		public boolean enabled() {
			return !this.caches.isEmpty();
		}

	}

}
