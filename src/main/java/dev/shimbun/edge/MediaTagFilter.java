package dev.shimbun.edge;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shimbun.ShimbunProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tags the files of a media item ({@code /media/{id}} and its variants) for the edge
 * caches, when there are any: {@code xkey: media-{id}}, by which {@link EdgePurger} drops
 * them all when the item changes.
 */
@Component
class MediaTagFilter extends OncePerRequestFilter {

	private static final Pattern MEDIA = Pattern.compile("/media/([0-9]{1,18})(/[^/]+)?");

	private final boolean enabled;

	MediaTagFilter(ShimbunProperties properties) {
		this.enabled = properties.edge().enabled();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.enabled || !request.getRequestURI().startsWith("/media/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher media = MEDIA.matcher(request.getRequestURI());
		if (media.matches()) {
			response.setHeader(EdgeTags.HEADER, EdgeTags.media(media.group(1)));
		}
		chain.doFilter(request, response);
	}

}
