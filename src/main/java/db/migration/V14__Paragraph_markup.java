package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Paragraphs become inline markup ({@code dev.shimbun.article.InlineMarkup}): the text
 * written before, in the article and in every revision, is escaped so that it reads as it
 * did. Its own copy of the escaping, so that it stays what it was when it ran.
 */
public class V14__Paragraph_markup extends BaseJavaMigration {

	/** The characters that can start markup. */
	private static final String OPENING = "\\*[{";

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		Map<Long, String> paragraphs = new LinkedHashMap<>();
		try (PreparedStatement select = connection
			.prepareStatement("SELECT id, body_text FROM article_block WHERE kind = 'PARAGRAPH'");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				String text = rows.getString(2);
				if (text != null && !escape(text).equals(text)) {
					paragraphs.put(rows.getLong(1), escape(text));
				}
			}
		}
		update(connection, "UPDATE article_block SET body_text = ? WHERE id = ?", paragraphs);
		Map<Long, String> revisions = new LinkedHashMap<>();
		try (PreparedStatement select = connection.prepareStatement("SELECT id, content FROM article_revision");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				String content = rows.getString(2);
				String escaped = escapeSnapshot(content);
				if (!escaped.equals(content)) {
					revisions.put(rows.getLong(1), escaped);
				}
			}
		}
		update(connection, "UPDATE article_revision SET content = ? WHERE id = ?", revisions);
	}

	/** A revision's snapshot with the text of each of its paragraphs escaped. */
	String escapeSnapshot(String content) {
		JsonNode snapshot = this.json.readTree(content);
		JsonNode blocks = snapshot.get("blocks");
		if (blocks == null || !blocks.isArray()) {
			return content;
		}
		boolean changed = false;
		for (JsonNode block : blocks) {
			JsonNode kind = block.get("kind");
			JsonNode text = block.get("text");
			if (kind != null && "PARAGRAPH".equals(kind.asString()) && text != null && text.isString()) {
				String escaped = escape(text.asString());
				if (!escaped.equals(text.asString())) {
					((ObjectNode) block).put("text", escaped);
					changed = true;
				}
			}
		}
		return changed ? this.json.writeValueAsString(snapshot) : content;
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (OPENING.indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	private static void update(Connection connection, String sql, Map<Long, String> values) throws SQLException {
		if (values.isEmpty()) {
			return;
		}
		try (PreparedStatement update = connection.prepareStatement(sql)) {
			for (Map.Entry<Long, String> value : values.entrySet()) {
				update.setString(1, value.getValue());
				update.setLong(2, value.getKey());
				update.addBatch();
			}
			update.executeBatch();
		}
	}

}
