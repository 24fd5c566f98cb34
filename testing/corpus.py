"""Made-up health articles for the content-scale benchmark, the same every run.

Each article reads like the seed article in shape (an introduction, three
causes, prevention tips, a conclusion) and has about 250 words, so that the
search index, the listings and the sitemap hold what a real site's would.

Three kinds of word matter to the search rows:

- ``COMMON_WORD`` ("numb") is in every article: the worst case for ranking;
- each of the ``RARE_WORDS`` is in one article in a thousand;
- ``TYPO`` matches nothing, and is one letter away from ``COMMON_WORD``.
"""

import random
from dataclasses import dataclass

COMMON_WORD = "numb"
TYPO = "numbb"
RARE_WORDS = [f"zorvex{n:03d}" for n in range(1000)]
RARE_WORD = RARE_WORDS[7]

PARTS = (
    "leg foot toe knee hip back neck shoulder arm elbow wrist hand finger jaw "
    "ankle heel calf thigh chest stomach head eye ear skin scalp lip tongue "
    "throat spine buttock shin"
).split()
SYMPTOMS = (
    "go numb|tingle|ache|throb|feel heavy|cramp|swell|burn|feel cold|twitch|"
    "feel weak|itch|stiffen|hurt|feel tight|click|shake|sweat|go pale|bruise"
).split("|")
ACTIVITIES = (
    "run|cycle|swim|sleep|sit at a desk|walk uphill|lift weights|stand|drive|"
    "type|climb stairs|dance|garden|kneel|wake up|stretch|play tennis|carry bags|"
    "do yoga|row|hike|ski|skate|box|jump"
).split("|")
FILLER = (
    "blood flow nerve pressure muscle tendon posture warm cool rest hydration "
    "footwear stretch strength balance injury recovery doctor symptom sign "
    "common rare gradual sudden mild severe daily habit routine training load "
    "surface shoe sock fitting support cushion circulation oxygen vitamin "
    "deficiency diabetes thyroid anaemia sciatica disc vertebra ligament joint "
    "cartilage inflammation swelling tingling weakness fatigue sleep diet iron "
    "calcium magnesium sodium potassium water electrolyte caffeine alcohol "
    "smoking weight age pregnancy medicine side effect treatment physiotherapy "
    "massage ice heat compression elevation brace splint scan referral test"
).split()
TOPIC_AREAS = (
    "Nerves Muscles Bones Joints Skin Heart Lungs Digestion Sleep Nutrition "
    "Hormones Blood Eyes Ears Mind Exercise Ageing Children Pregnancy Medicines"
).split()
TOPIC_KINDS = (
    "and numbness|pain|injuries|conditions|symptoms|tests|treatments|care|"
    "health|problems"
).split("|")


@dataclass(frozen=True)
class Article:
    title: str
    slug: str
    summary: str
    body: list
    topic_numbers: tuple


def topics(count=200):
    """(name, slug, description) for ``count`` topics."""
    made = []
    for n in range(count):
        area = TOPIC_AREAS[n % len(TOPIC_AREAS)]
        kind = TOPIC_KINDS[(n // len(TOPIC_AREAS)) % len(TOPIC_KINDS)]
        name = f"{area} {kind}"
        if n >= len(TOPIC_AREAS) * len(TOPIC_KINDS):
            name += f" {n}"
        slug = name.lower().replace(" ", "-")
        made.append((name, slug, f"Articles about {name.lower()}."))
    return made


def sentence(rng, words=12):
    chosen = [rng.choice(FILLER) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def rich(text):
    return f"<p>{text}</p>"


def article(n, topic_count=200):
    """The ``n``-th article: its words depend on ``n`` alone."""
    rng = random.Random(n)
    part = PARTS[n % len(PARTS)]
    symptom = SYMPTOMS[(n // len(PARTS)) % len(SYMPTOMS)]
    activity = ACTIVITIES[(n // (len(PARTS) * len(SYMPTOMS))) % len(ACTIVITIES)]
    title = f"Why does my {part} {symptom} when I {activity}?"
    rare = RARE_WORDS[n % len(RARE_WORDS)]
    intro = (
        f"Many people notice their {part} {symptom} and feel {COMMON_WORD}. "
        + " ".join(sentence(rng) for _ in range(3))
        + f" Doctors sometimes call this {rare}."
    )
    causes = [
        {
            "title": f"{rng.choice(FILLER).capitalize()} {rng.choice(FILLER)}",
            "explanation": rich(" ".join(sentence(rng) for _ in range(2))),
        }
        for _ in range(3)
    ]
    body = [
        ("paragraph", rich(intro)),
        ("causes", {"heading": "Common causes", "causes": causes}),
        (
            "prevention",
            {
                "heading": "Prevention",
                "text": rich(sentence(rng)),
                "tips": [sentence(rng, 6) for _ in range(3)],
            },
        ),
        (
            "conclusion",
            {"heading": "Conclusion", "text": rich(sentence(rng, 20))},
        ),
    ]
    picked = {(n * 7 + k * 13) % topic_count for k in range(1 + n % 3)}
    return Article(
        title=title,
        slug=f"{part}-{symptom}-{activity}-{n}".replace(" ", "-"),
        summary=f"Why your {part} can {symptom} when you {activity}, and what helps.",
        body=body,
        topic_numbers=tuple(sorted(picked)),
    )


def as_text(article):
    """The article in the editorial plain-text format ``import_article`` reads."""
    intro = article.body[0][1]
    causes = article.body[1][1]["causes"]
    prevention = article.body[2][1]
    conclusion = article.body[3][1]["text"]
    lines = [article.title, "", strip(intro), "", "Common causes include:", ""]
    for number, cause in enumerate(causes, start=1):
        lines.append(f"  {number}. {cause['title']}: {strip(cause['explanation'])}")
    lines += [
        "",
        "To prevent this, " + strip(prevention["text"]).lower(),
        "",
        "In conclusion, " + strip(conclusion).lower(),
        "",
    ]
    return "\n".join(lines)


def strip(html):
    return html.removeprefix("<p>").removesuffix("</p>")
