package dev.shimbun.ranking;

import java.util.List;

import dev.shimbun.SeedSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded curated lists have the source page's headings, order and labels. */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = Replace.NONE)
class SeedListsTests {

	private final SeedSource source = SeedSource.load();

	@Autowired
	private CuratedListRepository lists;

	@Test
	void listsMatchTheSource() {
		assertList("ranking", "[ニュース] ランキング", false);
		assertList("also-read", "こんな記事も読まれています", false);
		assertList("recommended", "おすすめニュース", true);
		assertList("trending", "話題", true);
	}

	@Test
	void topStoryIsTheEddArticle() {
		CuratedList top = this.lists.findWithEntries(List.of("top-story")).get(0);
		assertThat(top.getEntries()).hasSize(1);
		assertThat(top.getEntries().get(0).getArticle().getSlug())
			.isEqualTo("us-japan-extended-deterrence-dialogue-barksdale-b52");
	}

	private void assertList(String key, String heading, boolean numbered) {
		CuratedList list = this.lists.findWithEntries(List.of(key)).get(0);
		assertThat(list.getHeading()).isEqualTo(heading);
		assertThat(list.isNumbered()).isEqualTo(numbered);
		List<SeedSource.Entry> expected = this.source.listEntries(heading);
		assertThat(list.getEntries()).extracting((entry) -> entry.getArticle().getHeadline())
			.containsExactlyElementsOf(expected.stream().map(SeedSource.Entry::title).toList());
		assertThat(list.getEntries()).extracting(CuratedListEntry::getLabel)
			.containsExactlyElementsOf(expected.stream().map(SeedSource.Entry::label).toList());
		assertThat(list.getEntries()).extracting(CuratedListEntry::getPosition).isSorted().doesNotHaveDuplicates();
	}

}
