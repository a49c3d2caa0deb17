package dev.shimbun.comment;

/**
 * What a reader types into the comment form. {@code website} is a honeypot: hidden from
 * people, filled in by robots. {@code replyTo}, sent by the reply form, is the id of the
 * comment answered (read by the service, so that anything sent there gets the reply's own
 * message).
 */
public class CommentForm {

	private String nickname;

	private String body;

	private String website;

	private String replyTo;

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

	public String getWebsite() {
		return this.website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public String getReplyTo() {
		return this.replyTo;
	}

	public void setReplyTo(String replyTo) {
		this.replyTo = replyTo;
	}

}
