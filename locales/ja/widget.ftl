# 日本語。参照元: locales/en-US/widget.ftl（翻訳者向けの説明はそちらにあります）。

bubble-open = チャットを開く
bubble-close = チャットを閉じる
bubble-open-waiting = チャットを開く：質問が届いています
panel-title = お問い合わせ
panel-title-shop = { $shop }へのお問い合わせ
panel-close = チャットを閉じる
panel-empty = 商品、ご注文、配送について何でもお尋ねください。
panel-messages = 会話
message-feedback-group = この回答を評価する
message-feedback-up = 役に立った
message-feedback-down = 役に立たなかった
csat-title = この会話はいかがでしたか？
csat-thumb-up = 良い
csat-thumb-down = 悪い
csat-negative-reason = どうすればもっと良くできたでしょうか？
csat-negative-placeholder = うまくいかなかった点をお聞かせください（任意）
csat-negative-button = フィードバックを送信
csat-after-submission = フィードバックをありがとうございました！
csat-lead-in = 最後に、このチャットについて簡単な質問にお答えください。
csat-question = 1〜5の5段階で、本日のご質問への回答にどの程度満足されましたか？
csat-score-1 = 1、非常に不満
csat-score-2 = 2、不満
csat-score-3 = 3、どちらでもない
csat-score-4 = 4、満足
csat-score-5 = 5、非常に満足
csat-scale-ends = 1は非常に不満、5は非常に満足を表します。
csat-comment-label = ほかにお伝えいただけることはありますか？（任意）
csat-comment-placeholder = コメント
csat-submit = 送信
csat-close = アンケートを閉じる
composer-label = メッセージ
composer-placeholder = ご質問を入力してください…
composer-send = メッセージを送信
reason-title = この回答のどこが問題でしたか？
reason-comment-label = コメント
reason-comment-placeholder = 詳しくお聞かせください（任意）
reason-send = 送信
reason-skip = スキップ
reason-tag = { $tag ->
    [wrong_answer] 回答が間違っている
    [too_long] 長すぎる
    [not_relevant] 関係のない内容
    [outdated] 情報が古い
    [rude] 失礼な表現
   *[other] { $tag }
}

characters-left = { $count ->
   *[other] 残り{ $count }文字
}
