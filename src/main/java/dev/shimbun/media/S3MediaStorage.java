package dev.shimbun.media;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.shimbun.ShimbunProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Media files in a bucket of Amazon S3 or of any S3-compatible object store
 * ({@code shimbun.media.storage=s3}, {@code shimbun.media.s3.*}), under the same names as
 * in the media directory after an optional prefix: {@code prefix + ab/ab12.../original}.
 * An object appears whole or not at all, so a put needs no temporary name. Each object
 * carries its image's content type, for a CDN that serves the bucket itself
 * ({@code public-base-url}). The SDK talks to the store over the JDK's HTTP client.
 */
@Component
@ConditionalOnProperty(name = "shimbun.media.storage", havingValue = "s3")
class S3MediaStorage implements MediaStorage, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(S3MediaStorage.class);

	private static final Pattern KEY = Pattern.compile("[a-z0-9]{8,64}");

	private static final Pattern VARIANT = Pattern.compile(ORIGINAL + "|[0-9]{1,5}");

	private final S3Client client;

	private final String bucket;

	private final String prefix;

	private final String publicBaseUrl;

	S3MediaStorage(ShimbunProperties properties) {
		ShimbunProperties.Media.S3 s3 = properties.media().s3();
		if (!StringUtils.hasText(s3.bucket())) {
			throw new IllegalStateException("shimbun.media.storage=s3 needs shimbun.media.s3.bucket");
		}
		this.bucket = s3.bucket().strip();
		this.prefix = s3.prefix().strip();
		String base = s3.publicBaseUrl().strip();
		this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.client = client(s3);
		try {
			this.client.headBucket((request) -> request.bucket(this.bucket));
		}
		catch (SdkException ex) {
			this.client.close();
			throw new IllegalStateException("The media bucket " + location() + " cannot be reached: " + ex.getMessage(),
					ex);
		}
		logger.info("Media files are kept in {}", location());
	}

	private static S3Client client(ShimbunProperties.Media.S3 s3) {
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.forcePathStyle(s3.pathStyle())
			.credentialsProvider(credentials(s3))
			// S3-compatible stores do not all take the checksums that the SDK adds by
			// default; the store checks the signed payload anyway.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (StringUtils.hasText(s3.endpoint())) {
			builder.endpointOverride(URI.create(s3.endpoint().strip()));
		}
		if (StringUtils.hasText(s3.region())) {
			builder.region(Region.of(s3.region().strip()));
		}
		else if (StringUtils.hasText(s3.endpoint())) {
			builder.region(Region.US_EAST_1);
		}
		return builder.build();
	}

	private static AwsCredentialsProvider credentials(ShimbunProperties.Media.S3 s3) {
		if (StringUtils.hasText(s3.accessKey())) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	@Override
	public void put(String key, String variant, byte[] content) throws IOException {
		String name = objectName(key, variant);
		String contentType = ImageType.detect(content).map(ImageType::contentType).orElse("application/octet-stream");
		try {
			this.client.putObject((request) -> request.bucket(this.bucket).key(name).contentType(contentType),
					RequestBody.fromBytes(content));
		}
		catch (SdkException ex) {
			throw new IOException("Could not store " + name + " in " + this.bucket, ex);
		}
	}

	@Override
	public Optional<Resource> get(String key, String variant) {
		String name = objectName(key, variant);
		HeadObjectResponse head;
		try {
			head = this.client.headObject((request) -> request.bucket(this.bucket).key(name));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
		long lastModified = (head.lastModified() != null) ? head.lastModified().toEpochMilli() : 0;
		return Optional.of(new ObjectResource(name, head.contentLength(), lastModified));
	}

	@Override
	public void delete(String key, String variant) throws IOException {
		String name = objectName(key, variant);
		try {
			this.client.deleteObject((request) -> request.bucket(this.bucket).key(name));
		}
		catch (SdkException ex) {
			throw new IOException("Could not delete " + name + " from " + this.bucket, ex);
		}
	}

	@Override
	public List<MediaFiles.Entry> list() throws IOException {
		List<MediaFiles.Entry> entries = new ArrayList<>();
		try {
			for (S3Object object : this.client
				.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(this.prefix))
				.contents()) {
				MediaFiles.Entry.parse(object.key().substring(this.prefix.length())).ifPresent(entries::add);
			}
		}
		catch (SdkException ex) {
			throw new IOException("Could not list " + location(), ex);
		}
		entries.sort(null);
		return entries;
	}

	@Override
	public Optional<URI> publicUrl(String key, String variant) {
		if (this.publicBaseUrl.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(URI.create(this.publicBaseUrl + "/" + objectName(key, variant)));
	}

	@Override
	public String location() {
		return "s3://" + this.bucket + "/" + this.prefix;
	}

	@Override
	public void close() {
		this.client.close();
	}

	private String objectName(String key, String variant) {
		if (!KEY.matcher(key).matches() || !VARIANT.matcher(variant).matches()) {
			throw new IllegalArgumentException("Bad media key or variant: " + key + "/" + variant);
		}
		return this.prefix + key.substring(0, 2) + "/" + key + "/" + variant;
	}

	/** An object, read from the bucket when its content is asked for. */
	private final class ObjectResource extends AbstractResource {

		private final String name;

		private final long length;

		private final long lastModified;

		ObjectResource(String name, long length, long lastModified) {
			this.name = name;
			this.length = length;
			this.lastModified = lastModified;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			try {
				return S3MediaStorage.this.client
					.getObject((request) -> request.bucket(S3MediaStorage.this.bucket).key(this.name));
			}
			catch (NoSuchKeyException ex) {
				FileNotFoundException missing = new FileNotFoundException(getDescription());
				missing.initCause(ex);
				throw missing;
			}
			catch (SdkException ex) {
				throw new IOException("Could not read " + getDescription(), ex);
			}
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public long contentLength() {
			return this.length;
		}

		@Override
		public long lastModified() {
			return this.lastModified;
		}

		@Override
		public String getDescription() {
			return "s3://" + S3MediaStorage.this.bucket + "/" + this.name;
		}

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
