-- A figure may show an item of the media library; such an item cannot be deleted while in use.
ALTER TABLE article_block ADD CONSTRAINT article_block_media_fk FOREIGN KEY (media_id) REFERENCES media_item (id);
CREATE INDEX article_block_media_idx ON article_block (media_id);
