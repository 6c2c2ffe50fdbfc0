"""Reading numbers back as the page writes them (numbers.fmt): '0.2689', '-1', '≈ 1 - 2.3·10⁻⁶'."""

import re

_UNSUP = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
_SCI = r"\d+(?:\.\d+)?·10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+"
# One number as fmt writes it: approximate (≈ k, ≈ k ± m·10ⁿ, ≈ m·10ⁿ) or a plain decimal.
NUMBER = rf"≈ -?(?:\d+ [+-] {_SCI}|{_SCI}|\d+)|-?\d+(?:\.\d+)?"


def _sci(text: str) -> float:
    m, e = text.split("·10")
    return float(m) * 10.0 ** int(e.translate(_UNSUP))


def approx_value(text: str) -> float:
    """The value a '≈ …' text stands for."""
    body = text.removeprefix("≈ ")
    sign = -1.0 if body.startswith("-") else 1.0
    body = body.removeprefix("-")
    if m := re.fullmatch(rf"(\d+) ([+-]) ({_SCI})", body):
        return sign * float(m[1]) + (1.0 if m[2] == "+" else -1.0) * _sci(m[3])
    return sign * (_sci(body) if "·" in body else float(body))


def is_true(text: str, value: float, exact: bool) -> bool:
    """Whether a number as shown tells the truth about value: a plain decimal within its last place
    (a whole number exactly, up to float noise, and only when value is exact); '≈ 1' within 4
    decimals, '≈ 1 - 2.3·10⁻⁶' to its two digits."""
    if text.startswith("≈") and "·10" not in text:  # ≈ 1, ≈ 0: rounds to it at 4 decimals
        return abs(approx_value(text) - value) <= 0.5e-4
    if text.startswith("≈"):  # its value to two digits
        return abs(approx_value(text) - value) <= 0.06 * abs(value) + 1e-300 or abs(value) < 1e-300
    shown = float(text)
    if "." in text:
        return abs(shown - value) <= 0.5 * 10.0 ** -len(text.split(".")[1]) + 1e-12
    return exact and abs(shown - value) <= 1e-12 * max(1.0, abs(shown))


def unescaped(md: str) -> str:
    """What markdown shows for text with backslash escapes (CommonMark): \\. shows ., \\\\ shows \\."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", md)
