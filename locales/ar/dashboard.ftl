# العربية. المرجع: locales/en-US/dashboard.ftl (فيه ملاحظات المترجمين).

dashboard-title = لوحة الملاحظات
signin-intro = الصق مفتاح موقعك وسرّه. يبقيان في علامة التبويب هذه فقط ويُنسيان عند إغلاقها.
signin-site-key = مفتاح الموقع
signin-secret = سرّ الموقع أو مفتاح الوصول
signin-submit = فتح اللوحة
signin-wrong = مفتاح الموقع أو السرّ غير صحيح.
signout = تسجيل الخروج
signed-in-as = الموقع { $site }

nav-label = أقسام اللوحة
nav-overview = نظرة عامة
nav-conversations = المحادثات
nav-recommendations = التوصيات

period-label = الفترة
period-7 = آخر 7 أيام
period-30 = آخر 30 يومًا
period-90 = آخر 90 يومًا
period-custom = فترة مخصصة
period-from = من
period-to = إلى
period-apply = تطبيق
period-time-zone = الأيام بتوقيت { $tz }
period-range = { $from } – { $to }

overview-title = نظرة عامة
csat-chart-title = رضا العملاء بمرور الوقت
csat-chart-caption = متوسط تقييم رضا العملاء (1–5) يوميًا عبر المحادثات المقيَّمة.
csat-chart-empty = لا توجد محادثات مقيَّمة في هذه الفترة بعد.
csat-chart-point = { $date }: { $average } من { $rated ->
    [zero] دون تقييمات
    [one] تقييم واحد
    [two] تقييمين
    [few] { $rated } تقييمات
    [many] { $rated } تقييمًا
   *[other] { $rated } تقييم
}
csat-chart-table = المتوسطات اليومية
column-day = اليوم
column-average = المتوسط
column-rated = المحادثات المقيَّمة
thumbs-title = الملاحظات على الرسائل
thumbs-up = إعجاب
thumbs-down = عدم إعجاب
thumbs-share = { $share } من الرسائل المقيَّمة
vs-previous = { $delta } مقارنة بالفترة السابقة
csat-figures-title = استبيان الرضا
csat-average = متوسط التقييم
csat-response-rate = معدل الاستجابة
csat-response-rate-hint = المكتملة ÷ المعروضة
csat-net-score = النتيجة الصافية
csat-net-score-hint = الإيجابية ناقص السلبية، كنسبة من التقييمات
csat-offered = المعروضة
csat-accepted = المقبولة
csat-denied = المرفوضة
csat-completed = المكتملة
hand-over-title = الذكاء الاصطناعي والموظفون
hand-over-answers = { $count ->
    [zero] من دون إجابات
    [one] من إجابة واحدة
    [two] من إجابتين
    [few] من { $count } إجابات
    [many] من { $count } إجابة
   *[other] من { $count } إجابة
}
hand-over-share = حُوّلت إلى موظف
hand-over-share-hint = من المحادثات التي عُرض فيها الاستطلاع
distribution-title = توزيع التقييمات
distribution-bar = { $score }: { $count ->
    [zero] لا محادثات
    [one] محادثة واحدة
    [two] محادثتان
    [few] { $count } محادثات
    [many] { $count } محادثة
   *[other] { $count } محادثة
}
no-value = –

conversations-title = المحادثات
filter-feedback = ملاحظات العملاء
filter-all = الكل
filter-upvote = إيجابية
filter-downvote = سلبية
filter-neutral = محايدة
filter-unknown = غير معروفة
export-csv = تصدير CSV
export-rated-answers = تنزيل الإجابات المُقيَّمة (JSONL)
export-no-text = لا يحتفظ هذا الموقع بالسؤال والإجابة، لذا لا تحتوي أسطر الملف على مُدخل أو مُخرج. للاحتفاظ بهما، فعِّل «الاحتفاظ بالسؤال والإجابة مع كل تقييم» في الإعدادات.
kept-all = تُحفظ الأسئلة والإجابات والأسباب والتعليقات لمدة { $days ->
    [zero] أقل من يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}.
kept-reasons = لا تُحفظ الأسئلة والإجابات. وتُحفظ الأسباب والتعليقات لمدة { $days ->
    [zero] أقل من يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}.
kept-redacted = تُزال عناوين البريد الإلكتروني وأرقام الهواتف والبطاقات وأرقام IBAN قبل حفظ أي شيء.
kept-as-written = يُحفظ النص كما كُتب: إزالة البيانات الشخصية متوقفة في الإعدادات.
kept-ratings = تُحفظ التقييمات والأرقام لمدة { $days ->
    [zero] أقل من يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}.
inbox-archived = المحادثات التي مرّ على آخر نشاط فيها أكثر من { $days ->
    [zero] يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} مؤرشفة. لا تظهر في هذه القائمة، لكن تصدير CSV ومجموعة البيانات يتضمنانها.
inbox-narrowed = المحادثات التي فيها فقط:
inbox-show-all = اعرض كل المحادثات
inbox-handed-over = حُوّلت إلى موظف
inbox-not-handed-over = لم تُحوَّل
column-conversation = المحادثة
column-last-activity = آخر نشاط
column-satisfaction = رضا المستخدم
column-thumbs = تقييمات الرسائل
column-reasons = الأسباب المختارة
satisfaction-positive = إيجابي
satisfaction-negative = سلبي
satisfaction-neutral = محايد
satisfaction-unknown = غير معروف
negative-reason = السبب السلبي: { $reason }
thumbs-counts = 👍 { $up } · 👎 { $down }
load-more = تحميل المزيد
conversations-empty = لا توجد محادثات في هذه الفترة تطابق هذا المرشّح.
conversation-back = العودة إلى القائمة
user-data = بيانات المستخدم
csat-score = التقييم
csat-free-feedback = ملاحظات حرة
answer-yes = نعم
answer-no = لا
messages-title = الرسائل المقيَّمة
messages-empty = لا توجد رسائل مقيَّمة في هذه المحادثة.
message-positive = ملاحظة إيجابية من المستخدم
message-negative = ملاحظة سلبية من المستخدم
message-question = سؤال العميل
message-answer = إجابة المساعد
message-reason = السبب
message-tags = الوسوم
conversation-handed-over = أُحيلت إلى موظف
conversation-page = الصفحة
conversation-context = السياق
message-agent = أجاب عنها موظف
message-meta = المصدر

gaps-title = فجوات المعرفة
gaps-intro = أسئلة تلقت إجاباتها عدم إعجاب مرة بعد مرة. كل منها معرفة تنقص المساعد.
gaps-count = { $count ->
    [zero] لا عدم إعجاب
    [one] عدم إعجاب واحد
    [two] عدما إعجاب
    [few] { $count } مرات عدم إعجاب
    [many] { $count } مرة عدم إعجاب
   *[other] { $count } مرة عدم إعجاب
}
gaps-latest = آخرها في { $date }
gaps-examples = سُئل أيضًا بصيغة
gaps-conversations = المحادثات
gaps-empty = لم يتلقَّ أي سؤال عدم إعجاب أكثر من مرة في هذه الفترة. لا تُحفظ الأسئلة إلا للمواقع التي تحتفظ بالمقتطفات.

loading = جارٍ التحميل…
load-failed = تعذّر تحميل هذا: { $reason }
error-wrong-secret = مفتاح الموقع أو سرّه غير صحيح
error-unreachable = لم يُجب المُجمِّع؛ تحقّق من الاتصال وحاول مرة أخرى
error-site-moving = يُنقل الموقع إلى قاعدة بيانات أخرى؛ ستعود التغييرات ممكنة بعد بضع دقائق
error-rate-limited = طلبات كثيرة جدًا؛ حاول مرة أخرى بعد دقيقة
error-collector-failed = واجه المُجمِّع مشكلة؛ حاول مرة أخرى بعد لحظة
refusal-invalid-json = لم يكن الطلب بصيغة JSON
refusal-invalid-envelope = لم يكن الطلب دفعة من الأحداث
refusal-payload-too-large = كان الطلب كبيرًا جدًا
refusal-too-many-events = احتوى الطلب على أحداث كثيرة جدًا
refusal-unknown-site = لا يوجد موقع بهذا المفتاح
refusal-origin-not-allowed = عنوان هذه الصفحة ليس من الأصول المسموح بها للموقع
refusal-unauthorized = مفتاح الموقع أو سرّه غير صحيح
refusal-missing-field = كانت قيمة يحتاجها الطلب مفقودة
refusal-invalid-field = كانت في الطلب قيمة لا يقبلها المُجمِّع
refusal-too-long = كان أحد النصوص أطول من حدّه
refusal-unknown-event-type = لا يعرف المُجمِّع هذا النوع من الأحداث
refusal-timestamp-out-of-range = كان أحد الأوقات بعيدًا جدًا في المستقبل أو في الماضي
refusal-not-found = غير موجود: حُذف أو لم يكن موجودًا قط
refusal-method-not-allowed = لا يقبل المُجمِّع طلبًا كهذا هنا
refusal-csat-locked = لم يعد من الممكن تغيير إجابة الرضا
refusal-unknown-locale = لا يوجد نص مرفق لهذه اللغة
refusal-invalid-copy = في النصوص مشكلات؛ لم يُحفظ شيء
refusal-rate-limited = طلبات كثيرة جدًا؛ حاول مرة أخرى بعد دقيقة
refusal-internal = واجه المُجمِّع مشكلة؛ حاول مرة أخرى بعد لحظة
refusal-out-of-scope = لا يسمح مفتاحك بهذا
refusal-invalid-settings = في الإعدادات مشكلات؛ لم يُحفظ شيء
refusal-stale-settings = غيّر أحدهم الإعدادات منذ فتحتها؛ أعد التحميل لترى تغييره، ثم أجرِ تغييرك من جديد
refusal-precondition-required = أُرسلت الإعدادات دون الإصدار الذي تغيّره؛ أعد التحميل وحاول مرة أخرى
refusal-site-moving = يُنقل الموقع إلى قاعدة بيانات أخرى؛ ستعود التغييرات ممكنة بعد بضع دقائق
refusal-meta-too-many-keys = كانت في تفاصيل إحدى الرسائل مفاتيح كثيرة جدًا
refusal-meta-key-invalid = لم يكن أحد مفاتيح تفاصيل رسالة من 1 إلى 40 حرفًا من a–z و0–9 و_
refusal-meta-value-too-long = كانت إحدى قيم تفاصيل رسالة طويلة جدًا
refusal-meta-value-type = لم تكن إحدى قيم تفاصيل رسالة نصًا ولا رقمًا
refusal-invalid-review = في المراجعة مشكلات؛ لم يُحفظ شيء
refusal-stale-review = راجع أحدهم هذا منذ فتحته؛ أعد التحميل لترى مراجعته
checker-at = السطر { $line }، العمود { $col }: { $finding }
checker-missing-message = لا يوجد { $id }.
checker-missing-attribute = لا توجد في { $id } السمة .{ $attribute } الموجودة في المرجع.
checker-obsolete-attribute = في { $id } السمة .{ $attribute }، وهي غير موجودة في المرجع.
checker-unknown-variable = يستخدم { $id } المتغير { $variable }، ولا يوفّره المرجع له.
checker-unused-variable = لا يستخدم { $id } المتغير { $variable }، مع أن المرجع يستخدمه.
checker-obsolete-message = ليست { $id } رسالة في المرجع؛ احذفها.
checker-unknown-reference = { $kind ->
    [term] يشير { $id } إلى المصطلح { $target }، وهو غير موجود.
   *[message] يشير { $id } إلى الرسالة { $target }، وهي غير موجودة.
}
checker-term-variable = يستخدم { $id } المصطلح { $term } دون تمرير { $variable }، فسيرى المتسوقون اسم المتغير: المصطلح لا يقرأ إلا ما يمرّره إليه استدعاؤه.
checker-plural-categories = يختار { $id } حسب العدد لكن تنقصه الصيغ { $missing }؛ تستخدم { $locale } الصيغ { $categories }.
checker-plural-category-unused = في { $id } الصيغ { $unused }، ولا تستخدمها { $locale } أبدًا ({ $categories })؛ لعدد محدد استخدم مفتاحًا مثل [0].
checker-bad-locale = ليس { $locale } رمز لغة.
checker-undocumented = لا توجد فوق { $id } ملاحظة تخبر المترجمين أين يظهر.
checker-number-too-long = في { $id }، في العدد { $value } أكثر من { $significant } من الأرقام المعنوية أو { $fraction } من الأرقام العشرية، فسيرى المتسوقون النص المرفق. اختصره.
checker-too-deep = يتجاوز تداخل العناصر النائبة هنا { $depth } من المستويات، لذا لا تُقرأ هذه الرسالة.
checker-unclosed = قوس معقوف أو قوس عادي في الأعلى ما زال مفتوحًا حيث يبدأ هذا السطر رسالة جديدة. أغلقه، أو أزِح هذا السطر إلى الداخل إن كان تتمة لما قبله.
checker-control-character = المحرف { $character } محرف تحكم، ولا يجوز أن تحتويه النصوص. احذفه.
checker-syntax = لا يستطيع Fluent قراءة هذا ({ $detail }).
checker-duplicate-id = عُرّف { $id } مرة أخرى؛ عُرّف أول مرة في السطر { $first }.
checker-empty-value = لا نص في { $id }.
checker-unsupported-function = في { $id }، ليست { $function }() دالة تعرفها الفقاعة؛ الدالة الوحيدة التي تعرفها هي NUMBER().
checker-number-argument = في { $id }، تأخذ NUMBER() عددًا واحدًا، مثل NUMBER($count).
checker-number-option = { $problem ->
    [unknown] في { $id }، ليس لـ NUMBER() خيار باسم { $option }؛ خياراتها هي { $options }.
    [grouping] في { $id }، يأخذ { $option } القيمة "true" أو "false" بين علامتي اقتباس.
    [range] في { $id }، يأخذ { $option } عددًا صحيحًا من { $low } إلى { $high }.
    [conflict] في { $id }، { $option } أكبر من { $other }؛ اجعله { $other } على الأكثر.
   *[precision] في { $id }، يعرض العدد { $digits } من الأرقام العشرية، أكثر من maximumFractionDigits: { $high }.
} سيرى المتسوقون النص المرفق.

## Settings

nav-settings = الإعدادات
settings-title = الإعدادات
settings-intro = كيف تطلب الفقاعة الآراء على موقعك، وما الذي يحتفظ به المُجمِّع.
settings-csat-legend = استطلاع الرضا
settings-csat-enabled = السؤال عن الرضا عند انتهاء المحادثة
settings-csat-mode = نوع الاستطلاع
settings-mode-thumbs = إعجاب أو عدم إعجاب
settings-mode-scale5 = درجة من 1 إلى 5
settings-sample = نسبة المحادثات التي يُطرح فيها السؤال (٪)
settings-sample-hint = تبقى المحادثة نفسها دائمًا ضمن العيّنة أو خارجها، حتى بعد إعادة التحميل. القيمة 0 لا تسأل أحدًا، ولا يحتسب معدل الاستجابة إلا المحادثات التي طُرح فيها السؤال.
settings-min-answers = لا تسأل إلا بعد هذا العدد من الإجابات على الأقل
settings-min-answers-hint = إجابات مساعدك أو زميل تولّى المحادثة. القيمة 0 تسأل أيضًا بعد المحادثات التي بلا إجابة.
settings-cooldown = لا تسأل المتسوّق نفسه مرة أخرى لمدة (أيام)
settings-cooldown-hint = تُحسب من آخر إجابة أو إغلاق له، وتُحفظ في متصفحه هو. 0: اسأل في كل محادثة.
settings-reason-tags = الأسباب المعروضة بعد عدم الإعجاب
settings-reason-tags-hint = افصل بينها بفواصل، مثل wrong_answer, too_long.
settings-idle = إنهاء المحادثة الخاملة بعد (ثوانٍ)
settings-idle-hint = اتركه فارغًا لإنهاء المحادثات فقط عندما يطلب موقعك ذلك. إذا كانت المحادثة مغلقة حينها، ينتظر السؤال داخلها وتظهر نقطة على الفقاعة.
settings-data-legend = البيانات
settings-store-text = الاحتفاظ بالسؤال والإجابة مع كل تقييم
settings-retention = الاحتفاظ بالآراء لمدة (أيام)
settings-text-retention = الاحتفاظ بالأسئلة والإجابات والتعليقات لمدة (أيام)
settings-text-retention-hint = فارغ: طوال مدة الاحتفاظ بالتقييمات. بعد هذه الأيام يُمحى النص، وتبقى التقييمات والدرجات والأرقام للأيام المذكورة أعلاه.
settings-hot-days = الاحتفاظ بالمحادثات في قاعدة البيانات لمدة (أيام)
settings-hot-days-hint = بعد هذه الأيام تنتقل المحادثة إلى الأرشيف. تظل النظرة العامة والمقارنة تحتسبانها، ويعرض صندوق الوارد محادثات هذه الأيام الأخيرة فقط.
settings-redaction-legend = البيانات الشخصية
settings-redaction-enabled = إزالة عناوين البريد الإلكتروني وأرقام الهواتف وأرقام البطاقات وأرقام الآيبان من النصوص
settings-redaction-hint = تصبح [email] و[phone] و[card] و[iban] قبل حفظ أي شيء أو إرساله إلى الويب هوك، في الأسئلة والإجابات والأسباب والتعليقات. ما حُفظ أثناء تشغيل هذا الخيار يبقى محجوبًا إذا أوقفته.
settings-redaction-patterns-intro = أنماطك الخاصة: بداية ثابتة تليها أرقام، مثل أرقام طلباتك. احذف أرقامها، أو أبقها كما كُتبت حتى لو بدت كرقم هاتف.
settings-redaction-pattern = النمط { $number }
settings-redaction-prefix = البداية (النص قبل الأرقام)
settings-redaction-action = ما يحدث
settings-redaction-remove = حذف الأرقام
settings-redaction-keep = الإبقاء كما كُتب
settings-redaction-remove-pattern = إزالة النمط { $number }
settings-redaction-add = إضافة نمط
settings-shop-legend = المتجر
settings-shop-name = اسم المتجر
settings-time-zone = المنطقة الزمنية
settings-time-zone-hint = منطقة زمنية من IANA مثل Europe/Berlin؛ تتبعها أيام لوحة المعلومات.
settings-origins = الصفحات المسموح لها بإرسال الآراء
settings-origins-hint = أصل واحد في كل سطر، مثل https://shop.example.
settings-review-labels = تصنيفات المراجعة
settings-review-labels-hint = تصنيف واحد في كل سطر، 20 على الأكثر، وكل تصنيف حتى 40 حرفًا، مثل: إجابة خاطئة.
settings-webhook-legend = Webhook
settings-webhook-url = عنوان URL للـ Webhook
settings-webhook-test = إرسال Webhook تجريبي
settings-webhook-delivered = وصل الاختبار (الرد { $status }).
settings-webhook-failed = لم يصل الاختبار: { $reason }
settings-alerts-legend = التنبيهات
settings-alerts-intro = تُفحص القواعد كل 15 دقيقة. يُبلَّغ فريقك مرة عندما تبدأ القاعدة بالتحقق، ومرة أخرى عندما تتوقف.
settings-alerts-rule = القاعدة { $number }
settings-alerts-kind = نبّه عندما
settings-alerts-kind-share = تتجاوز نسبة التقييمات السلبية حدًّا
settings-alerts-kind-csat = ينخفض متوسط الرضا عن حدّ
settings-alerts-kind-items = تتراكم عناصر المراجعة المفتوحة
settings-alerts-hours = خلال آخر (ساعات)
settings-alerts-percent = نسبة التقييمات السلبية فوق (%)
settings-alerts-average = المتوسط أقل من (1–5)
settings-alerts-min-ratings = مع ما لا يقل عن (تقييمات)
settings-alerts-min-answers = مع ما لا يقل عن (إجابات)
settings-alerts-count = عناصر المراجعة المفتوحة في الساعة الأخيرة، على الأقل
settings-alerts-remove = إزالة القاعدة { $number }
settings-alerts-add = إضافة قاعدة
settings-alerts-to-webhook = أرسل التنبيهات إلى الـ webhook أيضًا
settings-alerts-chat-url = رابط الدردشة (webhook وارد في Slack؛ يقبل Mattermost وRocket.Chat الشكل نفسه، وDiscord على ‎…/slack)
settings-alerts-digest = انشر ملخصًا يوميًا على رابط الدردشة الساعة 09:00 بتوقيت الموقع
settings-save = حفظ الإعدادات
settings-saved = تم حفظ الإعدادات.
settings-invalid = بعض الإعدادات تحتاج إلى تعديل؛ راجع الملاحظات بجانبها.
settings-stale = تم تغيير هذه الإعدادات في مكان آخر منذ فتحتها. أعد تحميل الصفحة لرؤيتها.
settings-problem-csat-enabled = اختر التشغيل أو الإيقاف.
settings-problem-csat-mode = اختر الإعجاب أو عدم الإعجاب، أو مقياس 1–5.
settings-problem-csat-sample-percent = أدخل نسبة مئوية بعدد صحيح من { $low } إلى { $high }.
settings-problem-csat-cooldown-days = أدخل عدد الأيام عددًا صحيحًا من { $low } إلى { $high }.
settings-problem-csat-min-assistant-messages = أدخل عدد الإجابات عددًا صحيحًا من { $low } إلى { $high }.
settings-problem-reason-tags = أدخل أسبابًا لا يزيد عددها على { $most }، مفصولة بفواصل، كلٌّ منها مرة واحدة، ولا يحتوي إلا على حروف لاتينية وأرقام والرموز - _ . : ~ (مثل wrong_answer).
settings-problem-idle-end-seconds = أدخل عدد الثواني عددًا صحيحًا من { $low } إلى { $high }، أو اتركه فارغًا كي لا تنتهي المحادثات الخاملة أبدًا.
settings-problem-store-text = اختر التشغيل أو الإيقاف.
settings-problem-retention-days = أدخل عدد الأيام عددًا صحيحًا من { $low } إلى { $high }.
settings-problem-text-retention-days = أدخل عدد الأيام عددًا صحيحًا من { $low } إلى { $high }، أو اتركه فارغًا للاحتفاظ بالنص طوال مدة الاحتفاظ بالآراء.
settings-problem-hot-days = أدخل عددًا صحيحًا من الأيام من { $low } إلى { $high }.
settings-problem-webhook-url = أدخل عنوان URL عامًا يبدأ بـ https:// دون اسم مستخدم أو كلمة مرور، أو اتركه فارغًا.
settings-problem-shop-name = أدخل اسمًا من 1 إلى { $most } حرفًا دون مسافات في بدايته أو نهايته، أو اتركه فارغًا.
settings-problem-time-zone = أدخل منطقة زمنية مثل Europe/Berlin، أو اتركه فارغًا لاستخدام UTC.
settings-problem-review-labels = أدخل تصنيفات لا يزيد عددها على { $most }، تصنيفًا واحدًا في كل سطر، كلٌّ منها مرة واحدة ومن 1 إلى { $chars } حرفًا.
settings-problem-alerts = تعذّرت قراءة التنبيهات. أعد تحميل الصفحة واضبطها من جديد.
settings-problem-alerts-rules = أدخل قواعد لا يزيد عددها على { $most }، كلٌّ منها مرة واحدة، على مدى 1 إلى { $hours } ساعة، وبأرقام ضمن حدودها، وحدّد وجهة التنبيهات: رابط الدردشة، أو الـ webhook مع عنوان URL للـ Webhook.
settings-problem-alerts-chat-url = أدخل رابطًا عامًا يبدأ بـ https:// لـ webhook دردشة (يحتاج إليه الملخص اليومي)، أو اتركه فارغًا.
settings-problem-redaction = تعذّرت قراءة إعدادات البيانات الشخصية. أعد تحميل الصفحة واضبطها من جديد.
settings-problem-redaction-patterns = أدخل أنماطًا لا يزيد عددها على { $most }، لكلٍّ منها بداية مختلفة من 1 إلى { $chars } حرفًا (مثل ORD-)، مع ما يحدث لما يليها.
settings-problem-allowed-origins = أدخل عناوين لا يزيد عددها على { $most }، كلٌّ منها مرة واحدة، كما يرسلها المتصفح: http:// أو https://، واسم مضيف بأحرف صغيرة، ومنفذ فقط إن لم يكن المنفذ المعتاد (مثل https://shop.example).
settings-problem-name = أعطِ المفتاح اسمًا من 1 إلى { $most } حرفًا.
settings-problem-scope = اختر ما يسمح به المفتاح.
settings-audit-title = التغييرات
settings-audit-empty = لا توجد تغييرات بعد.
settings-audit-when = متى
settings-audit-who = من
settings-audit-what = ما الذي تغيّر

## Access keys and the site secret

keys-title = مفاتيح الوصول
keys-intro = مفاتيح لمن يحتاج صلاحيات أقل من سرّك: مفتاح الصياغة يعدّل النصوص فقط، ومفتاح القراءة يرى الأرقام والمحادثات فقط.
keys-name = الاسم
keys-scope = ما يسمح به
keys-scope-wording = تعديل الصياغة
keys-scope-read = قراءة الآراء
keys-scope-review = مراجعة المحادثات
keys-create = إنشاء مفتاح
keys-created = سرّ المفتاح، يظهر الآن فقط:
keys-empty = لا توجد مفاتيح بعد.
keys-created-at = تاريخ الإنشاء
keys-status = الحالة
keys-revoked = أُلغي في { $date }
keys-revoke = إلغاء
keys-revoke-label = إلغاء المفتاح { $name }
keys-show-revoked = إظهار الملغاة ({ $count })
keys-hide-revoked = إخفاء الملغاة
keys-more-revoked = إظهار المزيد ({ $count })
secret-title = سرّ الموقع
secret-intro = السرّ الجديد يحل محل سرّك فورًا، وتستخدمه علامة التبويب هذه من الآن.
secret-rotate = إنشاء سرّ جديد
secret-rotated = سرّك الجديد، يظهر الآن فقط:

nav-wording = النصوص
wording-title = النصوص
wording-intro = النصوص التي تعرضها فقاعة الدردشة للمتسوقين بكل لغة. ما تكتبه هنا يحل محل النص المرفق لتلك الرسالة؛ والحقل الفارغ يُبقي النص المرفق.
wording-locale = اللغة
wording-locale-name = { $name } ({ $tag })
wording-find = البحث عن رسالة
wording-filter = عرض
wording-filter-all = الكل
wording-filter-changed = عدّلها هذا الموقع
wording-filter-differs = تختلف عن النص المرفق
wording-filter-findings = فيها مشكلات
wording-filter-missing = ناقصة في هذه اللغة
wording-filter-prompt = في استطلاع الرضا
wording-filter-messages = تحت الإجابات
wording-filter-bubble = في الفقاعة ونافذة الدردشة
wording-found = { $total ->
    [zero] تُعرض { $shown } من أصل { $total } رسالة
    [one] تُعرض { $shown } من أصل رسالة واحدة
    [two] تُعرض { $shown } من أصل رسالتين
    [few] تُعرض { $shown } من أصل { $total } رسائل
    [many] تُعرض { $shown } من أصل { $total } رسالة
   *[other] تُعرض { $shown } من أصل { $total } رسالة
}
wording-found-none = لا توجد رسالة مطابقة. جرّب كلمات أخرى، أو اعرض الكل.
wording-mode = التحرير
wording-mode-messages = رسالة برسالة
wording-mode-file = الملف كاملًا (Fluent)
wording-file = نصوصك كملف Fluent
wording-reference = المرجع (en-US)
wording-shipped = النص المرفق
wording-own = نصك
wording-revert = استخدام النص المرفق
wording-revert-label = استخدام النص المرفق لـ { $id }
wording-save = حفظ النصوص
wording-saved = حُفظت كالإصدار { $version }.
wording-unchanged = حُفظت؛ لم يتغير شيء.
wording-refused = لم تُحفظ: وجد المُجمِّع هذه المشكلات. النصوص المحفوظة من قبل لم تتغير.
wording-set-aside = يرى المتسوقون النص المرفق لهذه الرسائل: فحص أُضيف بعد حفظها يجد فيها مشكلات. صحّحها لتظهر نصوصك من جديد.
wording-sample-question = أين طلبي؟
wording-sample-answer = غادر طلبك مستودعنا أمس ومن المتوقع أن يصل خلال ثلاثة أيام.
preview-title = معاينة
preview-mode = استطلاع الرضا
preview-step = الخطوة
preview-step-question = السؤال
preview-step-comment = التعليق
preview-step-thanks = الشكر
preview-count = الأحرف المتبقية (أي عدد، لصيغ الجمع)
preview-failed = لا يمكن عرض المعاينة في هذا المتصفح.
history-title = الإصدارات المحفوظة
history-empty = لا توجد إصدارات محفوظة بعد.
history-version = الإصدار { $version }، { $when }، بواسطة { $who }
history-show = التغييرات
history-show-label = التغييرات في الإصدار { $version }
history-restore = استعادة
history-restore-label = استعادة الإصدار { $version }
history-no-changes = لم تتغير أي رسالة في هذا الإصدار.
history-prompts = { $offered ->
    [zero] لم يُعرض أي استطلاع رضا بهذه النصوص
    [one] عُرض استطلاع رضا واحد بهذه النصوص
    [two] عُرض استطلاعا رضا بهذه النصوص
    [few] عُرضت { $offered } استطلاعات رضا بهذه النصوص
    [many] عُرض { $offered } استطلاعًا بهذه النصوص
   *[other] عُرض { $offered } استطلاع رضا بهذه النصوص
}: { $answered } أُجيب عنها، { $completed } اكتملت.
history-no-prompts = لم يُعرض أي استطلاع رضا بهذه النصوص بعد.
wording-discard = لم تُحفظ تغييراتك على نصوص هذه اللغة. هل تريد تجاهلها؟

nav-compare = مقارنة
compare-title = مقارنة
compare-intro = أي نموذج أو موجّه أو صفحة أو نسخة تنال عدم إعجاب؟ تأتي كل نسبة مع النطاق الذي تقع فيه قيمتها الحقيقية على الأرجح (95%): التقييمات القليلة تعطي نطاقًا واسعًا.
compare-by = قارن حسب
compare-dimension-role = ذكاء اصطناعي أم موظف
compare-dimension-locale = اللغة
compare-dimension-page = الصفحة
compare-empty = لا شيء للمقارنة في هذه الفترة.
compare-column-value = القيمة
compare-column-ratings = التقييمات
compare-column-up = نسبة إعجاب
compare-column-down = نسبة عدم إعجاب
compare-column-csat = الرضا
compare-column-response = معدل الاستجابة
compare-share = { $share } ({ $count } من { $of }؛ { $low }–{ $high })
compare-few = تقييمات قليلة
compare-role-assistant = ذكاء اصطناعي فقط
compare-role-agent = مع موظف
compare-show = اعرض في الرسم
compare-open-inbox = افتح في صندوق الوارد
compare-column-inbox = المحادثات
compare-chart-title = نسبة عدم إعجاب في اليوم
compare-chart-empty = اختر قيمتين على الأكثر لتراهما يومًا بيوم.
compare-chart-table = نسبة عدم إعجاب في اليوم حسب القيمة
review-title = المراجعة
review-open = عناصر مفتوحة
review-reviewed = روجعت في هذه الفترة
review-median-wait = الوقت الوسيط حتى المراجعة
review-state-open = مفتوح
review-state-reviewed = تمت المراجعة
review-item-thumb = تقييم سلبي للرسالة { $message }
review-item-answer = إجابة رضا منخفضة
review-by = راجعه { $who } في { $when }
review-note = ملاحظة
review-labels = التصنيفات
review-mark = وسم كمُراجَع
review-save = احفظ المراجعة
review-reopen = أعد فتحه
review-saved = حُفظ.
review-stale = راجع شخص آخر هذا في الأثناء. تظهر مراجعته الآن؛ اطّلع عليها وحاول مجددًا.
review-shortcuts = المفاتيح: J المحادثة المفتوحة التالية، K السابقة، R وسم كمُراجَع، 1–9 اختيار تصنيف. لا تعمل أثناء الكتابة.
review-queue-end = لا توجد محادثات مفتوحة أخرى في هذا الاتجاه.
filter-review = المراجعة
filter-review-all = الكل
filter-review-open = مفتوحة
filter-review-reviewed = تمت مراجعتها
filter-label = التصنيف
filter-label-all = أي تصنيف
column-review = المراجعة
review-wait-minutes = { $count ->
    [zero] أقل من دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $count } دقائق
    [many] { $count } دقيقة
   *[other] { $count } دقيقة
}
review-wait-hours = { $count ->
    [zero] أقل من ساعة
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $count } ساعات
    [many] { $count } ساعة
   *[other] { $count } ساعة
}
review-wait-days = { $count ->
    [zero] أقل من يوم
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
