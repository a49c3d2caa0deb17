package dev.shimbun.article;

public enum BlockKind {

	PARAGRAPH, FIGURE

}
