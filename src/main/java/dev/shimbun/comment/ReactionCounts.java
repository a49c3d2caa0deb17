package dev.shimbun.comment;

/**
 * How many readers pressed each reaction on a comment.
 *
 * @param empathy 共感した
 * @param insight なるほど
 * @param doubt うーん
 */
public record ReactionCounts(int empathy, int insight, int doubt) {

	public int of(Reaction reaction) {
		switch (reaction) {
			case EMPATHY:
				return this.empathy;
			case INSIGHT:
				return this.insight;
			default:
				return this.doubt;
		}
	}

}
