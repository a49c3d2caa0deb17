package dev.shimbun.support;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Makes the class that declares {@link OwnContext} part of the context cache key of its
 * tests, so that no other class shares their context.
 */
public class OwnContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		Class<?> owner = declaringClass(testClass);
		return (owner != null) ? new Owner(owner) : null;
	}

	/**
	 * The class that declares {@link OwnContext} (directly or on a composed annotation):
	 * the test class, a superclass, or for a {@code @Nested} class an enclosing class.
	 */
	private static Class<?> declaringClass(Class<?> testClass) {
		for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
			if (MergedAnnotations.from(type, SearchStrategy.DIRECT).isPresent(OwnContext.class)) {
				return type;
			}
		}
		return TestContextAnnotationUtils.searchEnclosingClass(testClass)
				? declaringClass(testClass.getEnclosingClass()) : null;
	}

	/** Changes nothing in the context; only its equality counts. */
	record Owner(Class<?> declaringClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		}

	}

}
