/**
 * How readers' feed readers and search engines find the articles: Atom and RSS feeds,
 * sitemaps (with a Google News sitemap) and robots.txt.
 */
package dev.shimbun.discovery;
