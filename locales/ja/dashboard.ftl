# 日本語。参照: locales/en-US/dashboard.ftl（翻訳者向けの注記があります）。

dashboard-title = フィードバック ダッシュボード
signin-intro = サイトキーとシークレットを貼り付けてください。このタブの中だけに保存され、タブを閉じると消去されます。
signin-site-key = サイトキー
signin-secret = サイトシークレットまたはアクセスキー
signin-submit = ダッシュボードを開く
signin-wrong = サイトキーまたはシークレットが正しくありません。
signout = サインアウト
signed-in-as = サイト { $site }

nav-label = ダッシュボードのセクション
nav-overview = 概要
nav-conversations = 会話
nav-recommendations = おすすめ

period-label = 期間
period-7 = 過去7日間
period-30 = 過去30日間
period-90 = 過去90日間
period-custom = 期間を指定
period-from = 開始日
period-to = 終了日
period-apply = 適用
period-time-zone = { $tz } の日付
period-range = { $from } – { $to }

overview-title = 概要
csat-chart-title = 顧客満足度の推移
csat-chart-caption = 評価された会話における1日ごとの平均顧客満足度（1～5）。
csat-chart-empty = この期間に評価された会話はまだありません。
csat-chart-point = { $date }: { $average }（{ $rated ->
   *[other] { $rated }件の評価
}）
csat-chart-table = 日ごとの平均
column-day = 日付
column-average = 平均
column-rated = 評価された会話
thumbs-title = メッセージへのフィードバック
thumbs-up = 高評価
thumbs-down = 低評価
thumbs-share = 評価されたメッセージの{ $share }
vs-previous = 前期間比 { $delta }
csat-figures-title = 満足度アンケート
csat-average = 平均評価
csat-response-rate = 回答率
csat-response-rate-hint = 完了 ÷ 表示
csat-net-score = ネットスコア
csat-net-score-hint = 肯定から否定を引いた、評価全体に対する割合
csat-offered = 表示
csat-accepted = 回答
csat-denied = 辞退
csat-completed = 完了
distribution-title = 評価の分布
distribution-bar = { $score }: { $count ->
   *[other] { $count }件の会話
}
no-value = –

conversations-title = 会話
filter-feedback = お客様の評価
filter-all = すべて
filter-upvote = 高評価
filter-downvote = 低評価
filter-neutral = 中立
filter-unknown = 不明
export-csv = CSVでエクスポート
column-conversation = 会話
column-last-activity = 最終アクティビティ
column-satisfaction = 満足度
column-thumbs = メッセージの評価
column-reasons = 選ばれた理由
satisfaction-positive = 肯定的
satisfaction-negative = 否定的
satisfaction-neutral = 中立
satisfaction-unknown = 不明
negative-reason = 否定的な理由: { $reason }
thumbs-counts = 👍 { $up } · 👎 { $down }
load-more = さらに読み込む
conversations-empty = この期間にこの条件に合う会話はありません。
conversation-back = 一覧に戻る
user-data = ユーザーデータ
csat-score = 評価
csat-free-feedback = 自由記述
answer-yes = はい
answer-no = いいえ
messages-title = 評価されたメッセージ
messages-empty = この会話に評価されたメッセージはありません。
message-positive = ユーザーからの肯定的なフィードバック
message-negative = ユーザーからの否定的なフィードバック
message-question = お客様の質問
message-answer = アシスタントの回答
message-reason = 理由
message-tags = タグ
conversation-handed-over = 担当者に引き継ぎ
conversation-page = ページ
conversation-context = コンテキスト
message-agent = 担当者が回答
message-meta = 生成元

gaps-title = 知識のギャップ
gaps-intro = 回答が何度も低評価された質問です。それぞれがアシスタントに足りない知識です。
gaps-count = { $count ->
   *[other] 低評価 { $count }件
}
gaps-latest = 最新: { $date }
gaps-examples = 別の聞き方
gaps-conversations = 会話
gaps-empty = この期間に2回以上低評価された質問はありません。質問は抜粋を保存するサイトでのみ保存されます。

loading = 読み込み中…
load-failed = 読み込めませんでした: { $reason }
error-wrong-secret = サイトキーまたはシークレットが正しくありません
error-unreachable = コレクターから応答がありません。接続を確認してもう一度お試しください
error-site-moving = サイトを別のデータベースへ移行中です。数分後に再び変更できます
error-rate-limited = リクエストが多すぎます。1分後にもう一度お試しください
error-collector-failed = コレクターで問題が発生しました。しばらくしてからもう一度お試しください

## Settings

nav-settings = 設定
settings-title = 設定
settings-intro = サイトでバブルがフィードバックを求める方法と、コレクターが保存する内容です。
settings-csat-legend = 満足度アンケート
settings-csat-enabled = 会話の終了時に満足度を尋ねる
settings-csat-mode = アンケートの種類
settings-mode-thumbs = 高評価・低評価
settings-mode-scale5 = 1〜5の評価
settings-reason-tags = 低評価のあとに選べる理由
settings-reason-tags-hint = カンマで区切ります（例：wrong_answer, too_long）。
settings-idle = 操作のない会話を終了するまで（秒）
settings-idle-hint = 空欄にすると、サイトからの指示があるときだけ会話を終了します。
settings-data-legend = データ
settings-store-text = 評価ごとに質問と回答を保存する
settings-retention = フィードバックの保存期間（日）
settings-shop-legend = ショップ
settings-shop-name = ショップ名
settings-time-zone = タイムゾーン
settings-time-zone-hint = Europe/Berlin のような IANA タイムゾーン。ダッシュボードの日付はこれに従います。
settings-origins = フィードバックを送信できるページ
settings-origins-hint = 1行に1つのオリジン（例：https://shop.example）。
settings-webhook-legend = Webhook
settings-webhook-url = Webhook の URL
settings-webhook-test = テスト Webhook を送信
settings-webhook-delivered = テストが届きました（応答 { $status }）。
settings-webhook-failed = テストは届きませんでした：{ $reason }
settings-save = 設定を保存
settings-saved = 設定を保存しました。
settings-invalid = 一部の設定に修正が必要です。横の注記をご覧ください。
settings-stale = 開いたあとで、この設定は別の場所で変更されました。ページを再読み込みして確認してください。
settings-audit-title = 変更履歴
settings-audit-empty = まだ変更はありません。
settings-audit-when = 日時
settings-audit-who = 変更者
settings-audit-what = 変更内容

## Access keys and the site secret

keys-title = アクセスキー
keys-intro = シークレットほどの権限が不要な人のためのキーです。文言キーは文言の編集のみ、閲覧キーは数値と会話の閲覧のみができます。
keys-name = 名前
keys-scope = できること
keys-scope-wording = 文言を編集
keys-scope-read = フィードバックを閲覧
keys-create = キーを作成
keys-created = キーのシークレット（今だけ表示）：
keys-empty = まだキーはありません。
keys-created-at = 作成日時
keys-status = 状態
keys-revoked = { $date } に取り消し
keys-revoke = 取り消す
keys-revoke-label = キー { $name } を取り消す
secret-title = サイトのシークレット
secret-intro = 新しいシークレットはすぐに現在のものと置き換わり、このタブはそれを使います。
secret-rotate = 新しいシークレットを作成
secret-rotated = 新しいシークレット（今だけ表示）：

nav-wording = 文言
wording-title = 文言
wording-intro = チャットバブルが各言語で買い物客に表示する文言です。ここに書いた内容がそのメッセージの標準の文言に代わります。空欄のままにすると標準の文言が使われます。
wording-locale = 言語
wording-mode = 編集方法
wording-mode-messages = メッセージごと
wording-mode-file = ファイル全体（Fluent）
wording-file = Fluent ファイルとしての文言
wording-reference = 基準（en-US）
wording-shipped = 標準の文言
wording-own = サイトの文言
wording-revert = 標準の文言を使う
wording-revert-label = { $id } に標準の文言を使う
wording-save = 文言を保存
wording-saved = バージョン { $version } として保存しました。
wording-unchanged = 保存しました。変更はありませんでした。
wording-refused = 保存されませんでした。コレクターが次の問題を見つけました。以前に保存した文言はそのままです。
wording-set-aside = これらのメッセージには標準の文言が表示されています。保存後に追加されたチェックで問題が見つかりました。修正すると、あなたの文言が再び表示されます。
wording-sample-question = 注文した商品はどこですか？
wording-sample-answer = ご注文の商品は昨日倉庫を出荷され、3 日以内に届く予定です。
preview-title = プレビュー
preview-mode = 満足度アンケート
preview-step = ステップ
preview-step-question = 質問
preview-step-comment = コメント
preview-step-thanks = お礼
preview-count = 残りの文字数（複数形を確かめるための任意の数）
preview-failed = このブラウザーではプレビューを表示できません。
history-title = 保存したバージョン
history-empty = 保存したバージョンはまだありません。
history-version = バージョン { $version }、{ $when }、{ $who }
history-show = 変更点
history-show-label = バージョン { $version } の変更点
history-restore = 復元
history-restore-label = バージョン { $version } を復元
history-no-changes = このバージョンで変更されたメッセージはありません。
history-prompts = この文言で表示された満足度アンケート：{ $offered } 件（回答 { $answered }、完了 { $completed }）。
history-no-prompts = この文言で表示された満足度アンケートはまだありません。
wording-discard = この言語の文言への変更は保存されていません。破棄しますか？
