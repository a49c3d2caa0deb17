package dev.shimbun.article;

public enum ArticleStatus {

	DRAFT, PUBLISHED

}
