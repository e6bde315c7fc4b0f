"""Page numbers as jump markers and page labels print them: 二, 12, 十二, A2, one (``rules`` re-exports them)."""

from __future__ import annotations

from . import english_jumps

EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def chinese_numeral(n: int) -> str:
    """12 -> 十二, 101 -> 一百零一, 110 -> 一百一十: the inverse of ``page_number`` for page labels."""
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    out, gap = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        if n < value:
            continue
        digit = n // value % 10
        if digit == 0:
            gap = True
            continue
        out += ("零" if gap else "") + digits[digit] + unit
        gap = False
    return out


_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}


def page_number(label: str) -> int | None:
    """二 -> 2, 12 -> 12, 十二 -> 12, A2 / A02 / 4A -> 2, one -> 1, l -> 1; None when unreadable."""
    label = label.strip()
    if label.lower() in EN_NUMBERS:
        return EN_NUMBERS[label.lower()]
    if label.isascii() and not any(c.isdigit() for c in label):
        return english_jumps.page_number(label)  # OCR's l for 1, s for 5 (``From pagel``)
    label = label.strip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz").strip()  # A 6 (spaced)
    if label.isdigit():
        return int(label) or None
    digits = _DIGITS
    if not label or any(c not in digits and c not in "十百" for c in label):
        return None
    total, current = 0, 0
    for c in label:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = digits[c]
    return (total + current) or None
