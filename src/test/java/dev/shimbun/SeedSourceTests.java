package dev.shimbun;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser of the source page reads what the source holds. */
class SeedSourceTests {

	private final SeedSource source = SeedSource.load();

	@Test
	void readsTheArticle() {
		assertThat(this.source.headline()).startsWith("中国・ロシア・北朝鮮への「明確な信号」");
		assertThat(this.source.author()).isEqualTo("梶原圭介");
		assertThat(this.source.paragraphs()).hasSize(9);
		assertThat(this.source.figureCaptions()).hasSize(6).containsOnly("引用:米国務省軍備管理・国際安全保障担当室");
		assertThat(this.source.authorEmail()).isEqualTo("CP-2023-0188@fastviewkorea.com");
		assertThat(this.source.skipLinks()).containsExactly("メインメニューへスキップ(上段)", "メインコンテンツへスキップ", "メインメニューへスキップ(下段)");
	}

	@Test
	void readsTheLists() {
		assertThat(this.source.listTitles("[ニュース] ランキング")).hasSize(6);
		assertThat(this.source.listTitles("こんな記事も読まれています")).hasSize(8);
		assertThat(this.source.listEntries("おすすめニュース")).hasSize(5)
			.first()
			.isEqualTo(new SeedSource.Entry("「人間に対し攻撃的...」“感染ウイルス持ち”の実験猿21匹がトラック事故で脱走!米当局「決して近づくな」", "トレンド"));
		assertThat(this.source.listEntries("話題")).hasSize(5)
			.last()
			.extracting(SeedSource.Entry::label)
			.isEqualTo("トレンド");
	}

}
