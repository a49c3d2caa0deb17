package dev.shimbun.media;

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

}
