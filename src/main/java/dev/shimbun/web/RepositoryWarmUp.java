package dev.shimbun.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * The repositories are created on first use ({@code bootstrap-mode=lazy}), which takes a
 * second or two off the start-up. Once the application is ready, this creates them in the
 * background, so that the first readers do not wait for that either; nothing waits for
 * it.
 */
@Component
class RepositoryWarmUp {

	private static final Logger logger = LoggerFactory.getLogger(RepositoryWarmUp.class);

	private final ListableBeanFactory beans;

	RepositoryWarmUp(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread thread = new Thread(() -> {
			long started = System.nanoTime();
			try {
				// a call to the lazy proxy creates the repository behind it
				this.beans.getBeansOfType(Repository.class).values().forEach(Object::toString);
				logger.debug("Repositories ready in {} ms", (System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not prepare the repositories in advance: {}", ex.getMessage());
			}
		}, "repository-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

}
