package dev.shimbun.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Indexes at start-up the articles that have no grams yet: all of them after the
 * migration that adds search, and any written to the database by other means. With
 * several instances starting together one may fail on the other's rows; it logs that and
 * the other completes the work.
 */
@Component
class SearchIndexInitializer implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(SearchIndexInitializer.class);

	private final SearchIndexer indexer;

	SearchIndexInitializer(SearchIndexer indexer) {
		this.indexer = indexer;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			int indexed = this.indexer.indexMissing();
			if (indexed > 0) {
				logger.info("Indexed {} articles for search", indexed);
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Search indexing at start-up stopped: {}", ex.getMessage());
		}
	}

}
