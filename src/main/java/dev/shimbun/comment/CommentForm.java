package dev.shimbun.comment;

/** What a reader types into the comment form. */
public class CommentForm {

	private String nickname;

	private String body;

	public String getNickname() {
		return this.nickname;
	}

	public void setNickname(String nickname) {
		this.nickname = nickname;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

}
