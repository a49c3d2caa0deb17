-- Seed content: the EDD article from the source page, every title of its lists as a teaser article,
-- and the source page's curated lists. See docs/seed.md for the choices made here.

INSERT INTO category (slug, name, position) VALUES
    ('news', 'ニュース', 1),
    ('trend', 'トレンド', 2),
    ('photo', 'フォトニュース', 3),
    ('fun', 'おもしろ', 4),
    ('hybe-idol', 'HYBEアイドル', 5),
    ('cars', '自動車', 6);

INSERT INTO author (display_name, contact_email) VALUES
    ('梶原圭介', 'CP-2023-0188@fastviewkorea.com'),
    ('編集部', NULL);

INSERT INTO article (slug, headline, summary, category_id, author_id, status, published_at, updated_at, view_count)
VALUES ('us-japan-extended-deterrence-dialogue-barksdale-b52', '中国・ロシア・北朝鮮への「明確な信号」、日米がバークスデール空軍基地で核搭載可能B-52視察→同盟抑止力を誇示', NULL,
        (SELECT id FROM category WHERE slug = 'news'), (SELECT id FROM author WHERE display_name = '梶原圭介'),
        'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-10 09:00:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-10 09:00:00+09:00', 0);

INSERT INTO article_block (article_id, position, kind, body_text, image_url, image_width, image_height, caption, alt_text, credit) VALUES
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 0, 'FIGURE', NULL, '/images/seed/edd-1.jpg', 1280, 720, NULL, '滑走路に駐機する大型戦略爆撃機を描いたイラスト(写真の代わりの仮画像)', '米国務省軍備管理・国際安全保障担当室'),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 1, 'FIGURE', NULL, '/images/seed/edd-2.jpg', 1280, 720, NULL, '爆撃機の機首の前に立つ日米の当局者らを描いたイラスト(写真の代わりの仮画像)', '米国務省軍備管理・国際安全保障担当室'),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 2, 'PARAGRAPH', '米国と日本は5~6日、ルイジアナ州バークスデール空軍基地で日米拡大抑止協議(EDD)を実施した。', NULL, NULL, NULL, NULL, NULL, NULL),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 3, 'PARAGRAPH', '9日に米国務省軍備管理・国際安全保障担当室が公開した写真によると、日米の高官らが戦略爆撃機と大陸間弾道ミサイル(ICBM)を管轄する米地球規模攻撃軍団(AFGSC)の本拠地であるバークスデール空軍基地で、核搭載可能な戦略爆撃機B-52を視察している様子が写っている。同盟国の「負担分担」を特に強調する米トランプ政権下でも、米国の「核の傘(拡大抑止)」公約が引き続き維持されることを内外に誇示したものと解釈される。', NULL, NULL, NULL, NULL, NULL, NULL),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 4, 'PARAGRAPH', '韓国は前政権で「ワシントン宣言」を通じて米韓間の拡大抑止協議「核協議グループ(NCG)」を発足するなど、核を基盤とした同盟関係へのアップグレードを図ったが、韓国のイ・ジェミョン大統領と米国のドナルド・トランプ大統領の政権下でこれが継続されるかは不透明な状況だ。', NULL, NULL, NULL, NULL, NULL, NULL),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 5, 'PARAGRAPH', '日米両国は2022年以降、当局者らが米国内の核関連の戦略的拠点を巡回し、同盟の抑止力を内外に誇示してきた。2022年からジョージア州キングズベイ海軍潜水艦基地、ミズーリ州ホワイトマン空軍基地、ワイオミング州フランシス E.ワーレン空軍基地などを順に訪問し、その都度B-2ステルス戦略爆撃機やオハイオ級原子力潜水艦(SSBN)、USSメリーランドなど、米国の戦略資産が登場した。', NULL, NULL, NULL, NULL, NULL, NULL),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 6, 'PARAGRAPH', '5~6日に開催された今回の対話は、トランプ政権下で初めて行われる日米間の高官級拡張抑止協議として特に注目を集めた。当局者らはB-2、B-1Bと共に3大戦略爆撃機と呼ばれるB-52を視察したことが明らかになった。EDDは核兵器を含む抑止力に関する相互理解の構築を目的に2010年に発足し、2022年以降は日米が同盟の抑止力を誇示できる象徴的な場所を選び、それを対外的に公表している。', NULL, NULL, NULL, NULL, NULL, NULL),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 7, 'PARAGRAPH', '日本経済新聞は「日米が核関連の重要地域を巡回し、中国・ロシア・北朝鮮などの敵対国に同盟が抑止に専念しているという明確な信号を送った」とし、「今回のB-52視察により米国の核の傘の信頼性がさらに強化された」と報じた。', NULL, NULL, NULL, NULL, NULL, NULL),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 8, 'PARAGRAPH', '韓米間にも両国の外交・国防次官が首席代表として参加する高官級の「拡張抑止戦略協議体(EDSCG)」が存在するが、政権によって浮き沈みがあった。パク・クネ前政権が2016年10月の韓米2プラス2対話でEDSCGの新設を決定し、翌年6月にムン・ジェイン前大統領がドナルド・トランプ米大統領(1期目)と会談し定例化に合意したが、その後南北間の和解ムードが醸成され、4年8か月間開催されなかった。', NULL, NULL, NULL, NULL, NULL, NULL),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 9, 'PARAGRAPH', 'EDSCGはユン・ソンニョル前政権下の2022年9月に復活したが、今回の政権でも継続できるかが注目されている。イ・ジェミョン政権の外交・安全保障ラインにはイ・ジョンソク国家情報院長候補のような対北融和派が多数存在しており、状況が整えば南北対話に乗り出すとの見方が多い。', NULL, NULL, NULL, NULL, NULL, NULL),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 10, 'PARAGRAPH', 'プロトコル上、韓国側の首席代表を務めることになる新任のパク・ユンジュ外交部第1次官も、イ候補がノ・ムヒョン前政権で国家安全保障会議(NSC)の事務次長を務めていた当時、その下で補佐官を務めていた人物である。', NULL, NULL, NULL, NULL, NULL, NULL),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 11, 'FIGURE', NULL, '/images/seed/edd-3.jpg', 1280, 720, NULL, '格納庫に収められた航空機を描いたイラスト(写真の代わりの仮画像)', '米国務省軍備管理・国際安全保障担当室'),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 12, 'FIGURE', NULL, '/images/seed/edd-4.jpg', 1280, 720, NULL, 'ブリーフィングの机に並んで座る当局者らを描いたイラスト(写真の代わりの仮画像)', '米国務省軍備管理・国際安全保障担当室'),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 13, 'FIGURE', NULL, '/images/seed/edd-5.jpg', 1280, 720, NULL, '空を背景にした爆撃機の尾翼と主翼を描いたイラスト(写真の代わりの仮画像)', '米国務省軍備管理・国際安全保障担当室'),
    ((SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), 14, 'FIGURE', NULL, '/images/seed/edd-6.jpg', 1280, 720, NULL, '管制塔のある空軍基地の飛行場を見渡したイラスト(写真の代わりの仮画像)', '米国務省軍備管理・国際安全保障担当室');

-- Teasers: the source lists give only their titles, so they have no body.
INSERT INTO article (slug, headline, summary, category_id, author_id, status, published_at, updated_at, view_count) VALUES
    ('north-korea-coup-impossible', '「北朝鮮は絶対崩れないのか?」極秘情報と脱北者証言からわかる“クーデター不可能”の現実', NULL, (SELECT id FROM category WHERE slug = 'news'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-10 08:30:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-10 08:30:00+09:00', 0),
    ('pig-kidney-transplant-ucla', '「豚の腎臓移植で9カ月生存!」米UCLA、“遺伝子改変臓器”の実験に成功', NULL, (SELECT id FROM category WHERE slug = 'news'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-10 06:55:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-10 06:55:00+09:00', 0),
    ('trump-exaggerated-diplomacy-japan-korea', '「合意内容と違う!」トランプ政権の“成果誇張外交”に日本・韓国困惑…経済同盟に深まる“信頼の亀裂”', NULL, (SELECT id FROM category WHERE slug = 'news'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-10 05:20:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-10 05:20:00+09:00', 0),
    ('china-lop-nur-nuclear-test-site', '「米中露、核実験競争再燃か」...習近平、“新疆ロプノール核実験場”を再建!', NULL, (SELECT id FROM category WHERE slug = 'news'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-10 03:45:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-10 03:45:00+09:00', 0),
    ('iphone17-orders-surge', '「史上最悪デザイン」からの反乱!iPhone17、注文殺到でクックCEOも絶句', NULL, (SELECT id FROM category WHERE slug = 'news'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-10 02:10:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-10 02:10:00+09:00', 0),
    ('iran-missile-fuel-smuggling', '「制裁なんて関係ない」イラン、中国からミサイル燃料2,000トン密輸か…“再武装”加速に世界震撼', NULL, (SELECT id FROM category WHERE slug = 'news'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-10 00:35:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-10 00:35:00+09:00', 0),
    ('lamborghini-manifesto-design', 'ランボルギーニ「マニフェスト」が描く“美学の挑戦”…電動化の時代に響くデザイン哲学の鼓動', NULL, (SELECT id FROM category WHERE slug = 'cars'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 23:00:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 23:00:00+09:00', 0),
    ('lamborghini-lounge-tokyo', '【オーナー専用】ランボルギーニ「THE LOUNGE TOKYO」公開…六本木裏通りに潜む“秘密の聖域”', NULL, (SELECT id FROM category WHERE slug = 'cars'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 21:25:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 21:25:00+09:00', 0),
    ('subaru-brz-2026', '【新型】スバルBRZ 2026年型登場 …「ピュアスポーツの原点」を現代に蘇らせる', NULL, (SELECT id FROM category WHERE slug = 'cars'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 19:50:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 19:50:00+09:00', 0),
    ('audi-bayern-rs-etron-gt', '「アウディ×バイエルン」23年の絆が走り出す…RS e-tron GTが導く“電動の未来と情熱の共鳴”', NULL, (SELECT id FROM category WHERE slug = 'cars'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 18:15:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 18:15:00+09:00', 0),
    ('dog-reunion-hospital', '「パパ、会いたかったよ!」病に倒れた飼い主愛犬の“感動の面会”、涙なしでは見られない瞬間', NULL, (SELECT id FROM category WHERE slug = 'photo'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 16:40:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 16:40:00+09:00', 0),
    ('gut-bacteria-anxiety-ucla', '「幼少期の腸内細菌が将来の不安とうつを左右する!」UCLA研究が明らかにした、腸と脳の驚きの関連性', NULL, (SELECT id FROM category WHERE slug = 'news'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 15:05:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 15:05:00+09:00', 0),
    ('infected-lab-monkeys-escape', '「人間に対し攻撃的...」“感染ウイルス持ち”の実験猿21匹がトラック事故で脱走!米当局「決して近づくな」', NULL, (SELECT id FROM category WHERE slug = 'trend'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 13:30:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 13:30:00+09:00', 0),
    ('boys-help-stray-dog', 'あの日、少年たちは迷わず捨て犬のためにジャンパーを脱ぎ、餌を差し出した「寒空の下で起きた小さな奇跡」', NULL, (SELECT id FROM category WHERE slug = 'photo'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 11:55:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 11:55:00+09:00', 0),
    ('stray-dog-old-friendship', '死にかけた捨て犬を救ったのは、SNSがつないだ“古い友情”だった', NULL, (SELECT id FROM category WHERE slug = 'photo'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 10:20:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 10:20:00+09:00', 0),
    ('china-j36-fighter-redesign', '【野望炸裂】中国の6世代戦闘機「J-36」、排気ノズル&吸気口を大改修!ステルス性能と機動性を両立か', NULL, (SELECT id FROM category WHERE slug = 'photo'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 08:45:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 08:45:00+09:00', 0),
    ('east-asia-provocative-flight', '【東アジア緊迫】「この戦闘機だけで韓国は3日で滅ぶ」と挑発した“この国”の挑発飛行', NULL, (SELECT id FROM category WHERE slug = 'photo'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 07:10:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 07:10:00+09:00', 0),
    ('us-russia-nuclear-display', '【米露臨界】トランプが会談を中止した瞬間、“核を取り出して見せつけた”この国!', NULL, (SELECT id FROM category WHERE slug = 'photo'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 05:35:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 05:35:00+09:00', 0),
    ('bride-wedding-dress-tragedy', '「下品だ」と責められた花嫁…ウェディングドレス巡る非難の末に悲劇', NULL, (SELECT id FROM category WHERE slug = 'trend'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 04:00:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 04:00:00+09:00', 0),
    ('why-we-yawn', '「なぜ人はあくびをするのか?」眠いからじゃない!最新研究が暴いた“あくび”の意外な正体', NULL, (SELECT id FROM category WHERE slug = 'fun'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 02:25:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 02:25:00+09:00', 0),
    ('newjeans-ador-lawsuit', '「契約か信頼か」NewJeansとADORの専属契約訴訟…K-POPの未来を決める分岐点に', NULL, (SELECT id FROM category WHERE slug = 'hybe-idol'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-09 00:50:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-09 00:50:00+09:00', 0),
    ('woman-discovers-xy-chromosomes', '「私が男だなんて!」外見は完全に女性、しかしお腹の中に“精巣”...32歳で“遺伝的男性”と判明', NULL, (SELECT id FROM category WHERE slug = 'trend'), (SELECT id FROM author WHERE display_name = '編集部'), 'PUBLISHED', TIMESTAMP WITH TIME ZONE '2025-06-08 23:15:00+09:00', TIMESTAMP WITH TIME ZONE '2025-06-08 23:15:00+09:00', 0);

INSERT INTO curated_list (list_key, heading, numbered) VALUES ('ranking', '[ニュース] ランキング', FALSE);
INSERT INTO curated_list_entry (list_id, position, article_id, label) VALUES
    ((SELECT id FROM curated_list WHERE list_key = 'ranking'), 0, (SELECT id FROM article WHERE slug = 'north-korea-coup-impossible'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'ranking'), 1, (SELECT id FROM article WHERE slug = 'pig-kidney-transplant-ucla'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'ranking'), 2, (SELECT id FROM article WHERE slug = 'trump-exaggerated-diplomacy-japan-korea'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'ranking'), 3, (SELECT id FROM article WHERE slug = 'china-lop-nur-nuclear-test-site'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'ranking'), 4, (SELECT id FROM article WHERE slug = 'iphone17-orders-surge'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'ranking'), 5, (SELECT id FROM article WHERE slug = 'iran-missile-fuel-smuggling'), NULL);

INSERT INTO curated_list (list_key, heading, numbered) VALUES ('also-read', 'こんな記事も読まれています', FALSE);
INSERT INTO curated_list_entry (list_id, position, article_id, label) VALUES
    ((SELECT id FROM curated_list WHERE list_key = 'also-read'), 0, (SELECT id FROM article WHERE slug = 'lamborghini-manifesto-design'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'also-read'), 1, (SELECT id FROM article WHERE slug = 'lamborghini-lounge-tokyo'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'also-read'), 2, (SELECT id FROM article WHERE slug = 'subaru-brz-2026'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'also-read'), 3, (SELECT id FROM article WHERE slug = 'audi-bayern-rs-etron-gt'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'also-read'), 4, (SELECT id FROM article WHERE slug = 'dog-reunion-hospital'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'also-read'), 5, (SELECT id FROM article WHERE slug = 'pig-kidney-transplant-ucla'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'also-read'), 6, (SELECT id FROM article WHERE slug = 'gut-bacteria-anxiety-ucla'), NULL),
    ((SELECT id FROM curated_list WHERE list_key = 'also-read'), 7, (SELECT id FROM article WHERE slug = 'trump-exaggerated-diplomacy-japan-korea'), NULL);

INSERT INTO curated_list (list_key, heading, numbered) VALUES ('recommended', 'おすすめニュース', TRUE);
INSERT INTO curated_list_entry (list_id, position, article_id, label) VALUES
    ((SELECT id FROM curated_list WHERE list_key = 'recommended'), 0, (SELECT id FROM article WHERE slug = 'infected-lab-monkeys-escape'), 'トレンド'),
    ((SELECT id FROM curated_list WHERE list_key = 'recommended'), 1, (SELECT id FROM article WHERE slug = 'boys-help-stray-dog'), 'フォトニュース'),
    ((SELECT id FROM curated_list WHERE list_key = 'recommended'), 2, (SELECT id FROM article WHERE slug = 'stray-dog-old-friendship'), 'フォトニュース'),
    ((SELECT id FROM curated_list WHERE list_key = 'recommended'), 3, (SELECT id FROM article WHERE slug = 'china-j36-fighter-redesign'), 'フォトニュース'),
    ((SELECT id FROM curated_list WHERE list_key = 'recommended'), 4, (SELECT id FROM article WHERE slug = 'east-asia-provocative-flight'), 'フォトニュース');

INSERT INTO curated_list (list_key, heading, numbered) VALUES ('trending', '話題', TRUE);
INSERT INTO curated_list_entry (list_id, position, article_id, label) VALUES
    ((SELECT id FROM curated_list WHERE list_key = 'trending'), 0, (SELECT id FROM article WHERE slug = 'us-russia-nuclear-display'), 'フォトニュース'),
    ((SELECT id FROM curated_list WHERE list_key = 'trending'), 1, (SELECT id FROM article WHERE slug = 'bride-wedding-dress-tragedy'), 'トレンド'),
    ((SELECT id FROM curated_list WHERE list_key = 'trending'), 2, (SELECT id FROM article WHERE slug = 'why-we-yawn'), 'おもしろ'),
    ((SELECT id FROM curated_list WHERE list_key = 'trending'), 3, (SELECT id FROM article WHERE slug = 'newjeans-ador-lawsuit'), 'HYBEアイドル'),
    ((SELECT id FROM curated_list WHERE list_key = 'trending'), 4, (SELECT id FROM article WHERE slug = 'woman-discovers-xy-chromosomes'), 'トレンド');

INSERT INTO curated_list (list_key, heading, numbered) VALUES ('top-story', 'トップニュース', FALSE);
INSERT INTO curated_list_entry (list_id, position, article_id, label) VALUES
    ((SELECT id FROM curated_list WHERE list_key = 'top-story'), 0, (SELECT id FROM article WHERE slug = 'us-japan-extended-deterrence-dialogue-barksdale-b52'), NULL);
