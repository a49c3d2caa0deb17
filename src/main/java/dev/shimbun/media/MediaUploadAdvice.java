package dev.shimbun.media;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the multipart limits ({@code spring.servlet.multipart.*}, a little above
 * {@code shimbun.media.max-upload-size}) is refused before any controller runs: the
 * DispatcherServlet parses the request before it picks a handler, so this advice cannot
 * be scoped to {@link MediaAdminController} by type. It answers requests under
 * {@code /admin/media} with the upload form, status 413 and the "too large" message next
 * to the file field (the other fields are lost with the refused request), the editor's
 * script's uploads with the message as JSON, and leaves every other request to the
 * default handling (413 and the error page).
 */
@ControllerAdvice
class MediaUploadAdvice {

	private final MediaService media;

	private final MessageSource messages;

	MediaUploadAdvice(MediaService media, MessageSource messages) {
		this.media = media;
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, Locale locale)
			throws MaxUploadSizeExceededException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.equals("/admin/media") && !path.startsWith("/admin/media/")) {
			throw ex;
		}
		if (path.equals("/admin/media/upload")) {
			// the editor's script reads JSON
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("message", this.messages.getMessage("media.error.tooLarge",
						new Object[] { this.media.maxUploadSizeText() }, locale)));
		}
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(new MediaForm(), "media");
		result.rejectValue("file", "media.error.tooLarge", new Object[] { this.media.maxUploadSizeText() }, null);
		ModelAndView page = new ModelAndView("admin/media/new", HttpStatus.CONTENT_TOO_LARGE);
		page.addAllObjects(result.getModel());
		page.addObject("maxUploadSize", this.media.maxUploadSizeText());
		return page;
	}

}
