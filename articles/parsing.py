"""Read a plain-text article into structured blocks.

The format is the one the editorial team writes in (see ``home/demo_content/``):

- the first line is the title;
- paragraphs are separated by blank lines;
- a paragraph whose lines all read ``N. Title: explanation`` is a numbered
  list of causes (the numbers must run 1, 2, 3, ...);
- a paragraph that gives prevention advice becomes a prevention block;
- a paragraph that begins "In conclusion" becomes the conclusion;
- a trailing "Was this article helpful?" / "YesNo" is the old feedback widget,
  not content, and is dropped (the poll replaces it).

Parsing touches no database. Every problem raises ``ArticleParseError`` naming
the line, so an import either succeeds whole or writes nothing.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.html import escape

TITLE_MAX = 255
SUMMARY_MAX = 300
CAUSE_TITLE_MAX = 120

CAUSES_HEADING = "Common causes"
PREVENTION_HEADING = "Prevention"
CONCLUSION_HEADING = "Conclusion"

NUMBERED_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
CAUSE_ITEM = re.compile(r"^(?P<title>[^:]{1,200}?)\s*:\s+(?P<explanation>\S.*)$")
CONCLUSION_START = re.compile(r"^\s*in conclusion\b", re.IGNORECASE)
PREVENTION_WORDS = re.compile(r"\bprevent(s|ing|ion)?\b", re.IGNORECASE)
FEEDBACK_QUESTION = re.compile(r"^\s*was this (article|page) helpful\??\s*$", re.I)
FEEDBACK_ANSWERS = re.compile(r"^\s*yes\s*/?\s*no\s*$", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class ArticleParseError(ValueError):
    """The text is not an article in the expected format."""

    def __init__(self, message, line=None):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass
class Paragraph:
    first_line: int
    lines: list[str]

    @property
    def text(self):
        return " ".join(line.strip() for line in self.lines)


@dataclass
class ParsedArticle:
    title: str
    summary: str
    body: list[tuple[str, object]] = field(default_factory=list)

    def count(self, block_type):
        return sum(1 for name, _ in self.body if name == block_type)

    @property
    def causes(self):
        return [
            cause["title"]
            for name, value in self.body
            if name == "causes"
            for cause in value["causes"]
        ]


def decode(data: bytes) -> str:
    """Bytes of a file as text; UTF-8 (with or without a BOM) is the format."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ArticleParseError(
            "the file is not UTF-8 text (save it as UTF-8 and try again)", line
        ) from error


def parse_article(text: str) -> ParsedArticle:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    _check_characters(lines)
    if not lines or not lines[0].strip():
        raise ArticleParseError("the first line must be the article's title", 1)
    title = lines[0].strip()
    if len(title) > TITLE_MAX:
        raise ArticleParseError(
            f"the title is {len(title)} characters long; the limit is {TITLE_MAX}", 1
        )

    paragraphs = _strip_feedback_widget(_paragraphs(lines[1:], first_line=2))
    if not paragraphs:
        raise ArticleParseError("the article has a title but no text", 1)

    body = [block for paragraph in paragraphs for block in _blocks_for(paragraph)]
    first_text = next((p.text for p in paragraphs if not _is_list(p)), title)
    summary = _summary(first_text)
    return ParsedArticle(
        title=title, summary=summary, body=_without_lede(body, summary)
    )


def _check_characters(lines):
    for number, line in enumerate(lines, start=1):
        for char in line:
            if char != "\t" and unicodedata.category(char) in ("Cc", "Cs", "Co"):
                raise ArticleParseError(
                    f"contains a control character (U+{ord(char):04X})", number
                )


def _paragraphs(lines, first_line):
    paragraphs, current = [], None
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            current = None
            continue
        if current is None:
            current = Paragraph(first_line=number, lines=[])
            paragraphs.append(current)
        current.lines.append(line)
    return paragraphs


def _strip_feedback_widget(paragraphs):
    """Drop the trailing "Was this article helpful?" and "YesNo" lines."""
    while paragraphs:
        last = paragraphs[-1]
        while last.lines and (
            FEEDBACK_QUESTION.match(last.lines[-1])
            or FEEDBACK_ANSWERS.match(last.lines[-1])
        ):
            last.lines.pop()
        if last.lines:
            break
        paragraphs.pop()
    return paragraphs


def _is_list(paragraph):
    return any(NUMBERED_ITEM.match(line) for line in paragraph.lines)


def _blocks_for(paragraph):
    """One paragraph of text as blocks: a lead-in line may precede a list."""
    if not _is_list(paragraph):
        return [_text_block(paragraph.text)]
    lead = 0
    while not NUMBERED_ITEM.match(paragraph.lines[lead]):
        lead += 1
    items = Paragraph(paragraph.first_line + lead, paragraph.lines[lead:])
    blocks = [("causes", _causes(items))]
    if lead:
        blocks.insert(0, _text_block(Paragraph(0, paragraph.lines[:lead]).text))
    return blocks


def _text_block(text):
    if CONCLUSION_START.match(text):
        return ("conclusion", {"heading": CONCLUSION_HEADING, "text": _html(text)})
    first_sentence = SENTENCE_END.split(text, maxsplit=1)[0]
    if PREVENTION_WORDS.search(first_sentence):
        return (
            "prevention",
            {"heading": PREVENTION_HEADING, "text": _html(text), "tips": []},
        )
    return ("paragraph", _html(text))


def _causes(paragraph):
    """Numbered items; an unnumbered line continues the item above it."""
    causes = []
    for offset, line in enumerate(paragraph.lines):
        number = paragraph.first_line + offset
        item = NUMBERED_ITEM.match(line)
        if not item:
            causes[-1]["explanation"] += " " + line.strip()
            continue
        expected = len(causes) + 1
        if int(item.group(1)) != expected:
            raise ArticleParseError(
                f"expected item {expected} of the list, found {item.group(1)}", number
            )
        cause = CAUSE_ITEM.match(item.group(2).strip())
        if not cause:
            raise ArticleParseError(
                "a list item must read “N. Title: explanation” "
                "(a title, a colon, then the explanation)",
                number,
            )
        title = cause.group("title").strip()
        if len(title) > CAUSE_TITLE_MAX:
            raise ArticleParseError(
                f"the cause's title is {len(title)} characters; "
                f"the limit is {CAUSE_TITLE_MAX}",
                number,
            )
        causes.append({"title": title, "explanation": cause.group("explanation")})
    for cause in causes:
        cause["explanation"] = _html(cause["explanation"])
    return {"heading": CAUSES_HEADING, "causes": causes}


def _html(text):
    return f"<p>{escape(text.strip())}</p>"


def _without_lede(body, summary):
    """The body minus the lede, which the page already shows as the summary.

    The summary is the first paragraph's first sentence: that sentence leaves
    the paragraph, and a paragraph that held only the lede leaves the body
    (unless it is the whole body; the page then shows it once, as the lede).
    A summary cut short ("…") is not the whole sentence, so the body keeps it.
    """
    lede = _html(summary)[: -len("</p>")]
    for position, (name, value) in enumerate(body):
        if name != "paragraph":
            continue
        if value == _html(summary):
            return body[:position] + body[position + 1 :] or body
        if value.startswith(lede + " "):
            rest = value[len(lede) + 1 :]
            return [
                *body[:position],
                ("paragraph", "<p>" + rest),
                *body[position + 1 :],
            ]
        break
    return body


def _summary(text):
    first_sentence = SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    if len(first_sentence) <= SUMMARY_MAX:
        return first_sentence
    cut = first_sentence[: SUMMARY_MAX - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
