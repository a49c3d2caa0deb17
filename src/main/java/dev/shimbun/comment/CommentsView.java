package dev.shimbun.comment;

import java.util.List;

/** The comment section of an article: the count shown in コメントN and the list. */
public record CommentsView(long count, List<CommentView> comments) {

}
