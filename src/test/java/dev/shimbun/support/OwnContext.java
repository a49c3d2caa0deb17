package dev.shimbun.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class an application context (and so a database) that no other class uses,
 * even one with the same configuration: for a class that changes what others read (seed
 * rows, lists, the page cache) or that relies on rows nobody else adds. Add
 * {@code @DirtiesContext} as well to close the context after the class.
 * <p>
 * The context belongs to the class that declares the annotation: its subclasses share it
 * ({@link OwnContextCustomizerFactory} makes that class part of the context's cache key).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OwnContext {

}
