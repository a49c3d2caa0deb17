package dev.shimbun.ranking;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes the most-read lists on a schedule, once per cluster: the instance that takes
 * the lock does it and the others load the result.
 */
@Component
public class RankingScheduler {

	private final RankingService rankings;

	RankingScheduler(RankingService rankings) {
		this.rankings = rankings;
	}

	@Scheduled(fixedDelayString = "#{@shimbunProperties.views().rankingInterval()}", initialDelayString = "2s")
	@SchedulerLock(name = "ranking-recompute", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
	public void recompute() {
		this.rankings.recompute();
	}

}
