-- Body blocks beyond paragraphs and figures: subheadings (two levels), quotes with their
-- source, bulleted and numbered lists (one item per line of body_text), embeds shown as
-- link cards, related-article cards and separators.
ALTER TABLE article_block DROP CONSTRAINT article_block_kind_ck;
ALTER TABLE article_block ADD CONSTRAINT article_block_kind_ck CHECK (kind IN ('PARAGRAPH', 'HEADING',
    'SUBHEADING', 'QUOTE', 'BULLETED_LIST', 'NUMBERED_LIST', 'FIGURE', 'EMBED', 'RELATED', 'SEPARATOR'));
ALTER TABLE article_block ADD COLUMN source VARCHAR(1000);
ALTER TABLE article_block ADD COLUMN url VARCHAR(2000);
ALTER TABLE article_block ADD COLUMN related_article_id BIGINT;
ALTER TABLE article_block ADD CONSTRAINT article_block_related_fk FOREIGN KEY (related_article_id)
    REFERENCES article (id) ON DELETE SET NULL;
CREATE INDEX article_block_related_idx ON article_block (related_article_id);
