# العربية. المرجع: locales/en-US/widget.ftl (وفيه ملاحظات المترجمين).

bubble-open = فتح المحادثة
bubble-close = إغلاق المحادثة
bubble-open-waiting = فتح المحادثة: سؤال بانتظارك
panel-title = تحدّث معنا
panel-title-shop = تحدث مع { $shop }
panel-close = إغلاق المحادثة
panel-empty = اسألنا عن المنتجات أو الطلبات أو التوصيل.
panel-messages = المحادثة
message-feedback-group = قيّم هذه الإجابة
message-feedback-up = مفيدة
message-feedback-down = غير مفيدة
csat-title = كيف كانت هذه المحادثة؟
csat-thumb-up = جيدة
csat-thumb-down = سيئة
csat-negative-reason = ما الذي كان بإمكاننا تحسينه؟
csat-negative-placeholder = أخبرنا بما لم ينجح (اختياري)
csat-negative-button = إرسال الملاحظات
csat-after-submission = شكرًا لملاحظاتك!
csat-lead-in = قبل أن تغادر: سؤال سريع عن هذه المحادثة.
csat-question = على مقياس من 1 إلى 5، إلى أي مدى تمت الإجابة عن سؤالك اليوم؟
csat-score-1 = 1، غير راضٍ إطلاقًا
csat-score-2 = 2، غير راضٍ
csat-score-3 = 3، محايد
csat-score-4 = 4، راضٍ
csat-score-5 = 5، راضٍ جدًا
csat-scale-ends = 1 تعني غير راضٍ إطلاقًا، و5 تعني راضٍ جدًا.
csat-comment-label = هل تودّ إخبارنا بشيء آخر؟ (اختياري)
csat-comment-placeholder = تعليقك
csat-submit = إرسال
csat-close = إغلاق الاستبيان
composer-label = رسالتك
composer-placeholder = اكتب سؤالك…
composer-send = إرسال الرسالة
reason-title = ما الخطأ في هذه الإجابة؟
reason-comment-label = تعليقك
reason-comment-placeholder = أخبرنا بالمزيد (اختياري)
reason-send = إرسال
reason-skip = تخطٍّ
reason-tag = { $tag ->
    [wrong_answer] إجابة خاطئة
    [too_long] طويلة جدًا
    [not_relevant] خارج الموضوع
    [outdated] قديمة
    [rude] غير لائقة
   *[other] { $tag }
}

characters-left = { $count ->
    [zero] لم يتبقَّ أي حرف
    [one] تبقّى حرف واحد
    [two] تبقّى حرفان
    [few] تبقّت { $count } أحرف
    [many] تبقّى { $count } حرفًا
   *[other] تبقّى { $count } حرف
}
