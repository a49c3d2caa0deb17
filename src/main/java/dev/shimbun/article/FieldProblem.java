package dev.shimbun.article;

/**
 * A rule of the article editor broken by a field, with the message key that explains it.
 */
record FieldProblem(String field, String messageKey) {

}
