package dev.shimbun.media;

import dev.shimbun.ShimbunProperties;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

	/** Before Spring Security, on the upload URL only. */
	@Bean
	FilterRegistrationBean<MediaUploadFilter> mediaUploadFilter() {
		FilterRegistrationBean<MediaUploadFilter> registration = new FilterRegistrationBean<>(new MediaUploadFilter());
		registration.addUrlPatterns("/admin/media");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 5);
		return registration;
	}

	/** At most {@code shimbun.media.concurrent-decodes} images decoded at a time. */
	@Bean
	DecodeGate decodeGate(ShimbunProperties properties) {
		ShimbunProperties.Media media = properties.media();
		return new DecodeGate(media.concurrentDecodes(), media.decodeWait());
	}

	@Bean
	ImageProcessor imageProcessor(ShimbunProperties properties, DecodeGate gate) {
		ShimbunProperties.Media media = properties.media();
		ImageLimits limits = new ImageLimits(media.maxPixels(), media.maxDecodedSize().toBytes(),
				ImageLimits.DEFAULT.maxMetadataBytes(), ImageLimits.DEFAULT.maxFrames(),
				ImageLimits.DEFAULT.maxJpegScans());
		return new ImageProcessor(limits, gate);
	}

}
