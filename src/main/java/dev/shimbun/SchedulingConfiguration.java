package dev.shimbun;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs (scheduled publication, ...); {@code shimbun.scheduling.enabled=false}
 * turns them off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "shimbun.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {

}
