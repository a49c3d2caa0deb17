package dev.shimbun.comment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a client address into a salted hash (HMAC-SHA256 with a secret kept in the
 * database), so that rate limits, duplicates and reports can tell clients apart without
 * storing any address.
 */
@Component
class ClientHasher {

	static final String SECRET_NAME = "comment-client-hash";

	private final SiteSecretRepository secrets;

	private final TransactionTemplate transactions;

	private volatile byte[] key;

	ClientHasher(SiteSecretRepository secrets, PlatformTransactionManager transactionManager) {
		this.secrets = secrets;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Loads (or, on the very first start, creates) the secret before the first request.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void loadSecret() {
		key();
	}

	String hash(String address) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			current = Base64.getDecoder().decode(loadOrCreate());
			this.key = current;
		}
		return current;
	}

	private String loadOrCreate() {
		return this.secrets.findById(SECRET_NAME).map(SiteSecret::getSecret).orElseGet(() -> {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String secret = Base64.getEncoder().encodeToString(random);
			try {
				this.transactions
					.executeWithoutResult((status) -> this.secrets.saveAndFlush(new SiteSecret(SECRET_NAME, secret)));
				return secret;
			}
			catch (DataIntegrityViolationException ex) {
				// another instance created it first
				return this.secrets.findById(SECRET_NAME).orElseThrow().getSecret();
			}
		});
	}

}
