/**
 * What operators see of a running site: a request id in every log line, on error pages
 * and in the {@code X-Request-Id} response header, and the helper that puts Caffeine
 * caches into the metrics. Health, metrics and their security are set up in
 * application.properties and {@code SecurityConfiguration}; docs/observability.md has the
 * operator's view.
 */
package dev.shimbun.observability;
