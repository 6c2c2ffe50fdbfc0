"""A lesson step's goal: a small language of conditions on the page's named quantities, parsed here and
checked against the names a step has, never evaluated as Python.

    a > 0 and b < -3.5        act == 'leaky_relu'        abs(z) <= 0.5        right == m

Numbers are exact decimals (Fraction), so `z == 0.3` is true at z = 0.3 on every machine; a name the
page does not have at the moment (alpha while the activation has none) makes the goal false, not an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

Kind = Literal["number", "text", "switch"]
COMPARE = ("<=", ">=", "==", "!=", "<", ">")
ORDER = ("<=", ">=", "<", ">")  # only numbers are ordered
FUNCTIONS = {"abs": abs}  # a number in, a number out
_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z][A-Za-z0-9_]*)|'(?P<text1>[A-Za-z0-9_ .-]*)'"
    r'|"(?P<text2>[A-Za-z0-9_ .-]*)"|(?P<op><=|>=|==|!=|[-+*/()<>]))'
)
WORDS = ("and", "or", "not")


class GoalError(ValueError):
    """A goal that cannot be read or does not fit its step: the message says where and why."""


@dataclass(frozen=True)
class Num:
    value: Fraction


@dataclass(frozen=True)
class Text:
    value: str


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Call:
    fn: str
    arg: Node


@dataclass(frozen=True)
class Neg:
    arg: Node


@dataclass(frozen=True)
class Not:
    arg: Node


@dataclass(frozen=True)
class Op:
    op: str  # + - * / < <= > >= == != and or
    left: Node
    right: Node


Node = Num | Text | Name | Call | Neg | Not | Op


def _tokens(text: str) -> list[tuple[str, str]]:
    out, at = [], 0
    while at < len(text):
        if text[at:].strip() == "":
            break
        m = _TOKEN.match(text, at)
        if m is None:
            rest = text[at:].strip()
            if rest.startswith("="):
                raise GoalError(f"cannot read “{rest[:20]}” (at character {at + 1}): compare with ==, not =")
            raise GoalError(f"cannot read “{rest[:20]}” (at character {at + 1}): a goal is no Python")
        kind = m.lastgroup or ""
        out.append(("text" if kind.startswith("text") else kind, m.group(kind)))
        at = m.end()
    return out


class _Reader:
    """Recursive descent, lowest binding first: or, and, not, a comparison, a sum, a product, a sign."""

    def __init__(self, text: str) -> None:
        self.tokens, self.at = _tokens(text), 0

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, *ops: str) -> str | None:
        t = self.peek()
        if t in ops and (self.tokens[self.at][0] in ("op", "name")):
            self.at += 1
            return t
        return None

    def whole(self) -> Node:
        if not self.tokens:
            raise GoalError("it is empty")
        node = self.either()
        if self.at < len(self.tokens):
            raise GoalError(f"unexpected {self.peek()!r} after a whole condition")
        return node

    def either(self) -> Node:
        node = self.both()
        while self.take("or"):
            node = Op("or", node, self.both())
        return node

    def both(self) -> Node:
        node = self.negated()
        while self.take("and"):
            node = Op("and", node, self.negated())
        return node

    def negated(self) -> Node:
        return Not(self.negated()) if self.take("not") else self.compared()

    def compared(self) -> Node:
        node = self.sum()
        if op := self.take(*COMPARE):
            node = Op(op, node, self.sum())
            if self.peek() in COMPARE:
                raise GoalError("one comparison at a time: write `0 < a and a < 1`, not `0 < a < 1`")
        return node

    def sum(self) -> Node:
        node = self.product()
        while op := self.take("+", "-"):
            node = Op(op, node, self.product())
        return node

    def product(self) -> Node:
        node = self.signed()
        while op := self.take("*", "/"):
            node = Op(op, node, self.signed())
        return node

    def signed(self) -> Node:
        return Neg(self.signed()) if self.take("-") else self.atom()

    def atom(self) -> Node:
        if self.at >= len(self.tokens):
            raise GoalError("it ends too soon")
        kind, t = self.tokens[self.at]
        self.at += 1
        if kind == "number":
            return Num(Fraction(t))
        if kind == "text":
            return Text(t)
        if kind == "name" and t not in WORDS:
            if self.take("("):
                if t not in FUNCTIONS:
                    raise GoalError(f"there is no function {t!r}; there is {', '.join(FUNCTIONS)}")
                arg = self.either()
                if not self.take(")"):
                    raise GoalError(f"{t}( is not closed")
                return Call(t, arg)
            return Name(t)
        if t == "(":
            node = self.either()
            if not self.take(")"):
                raise GoalError("a ( is not closed")
            return node
        raise GoalError(f"unexpected {t!r}")


def parse(text: str) -> Node:
    """A goal's text as its tree; a GoalError says what could not be read."""
    return _Reader(text).whole()


def _number(v: Fraction) -> str:
    d = v.denominator
    k = 0
    while d % 2 == 0 or d % 5 == 0:  # a decimal: as many places as its denominator's 2s and 5s ask for
        d //= 2 if d % 2 == 0 else 5
        k += 1
    if d != 1:
        return f"({v.numerator} / {v.denominator})"
    text = f"{abs(v.numerator) * 10**k // v.denominator:0{k + 1}d}"
    body = f"{text[:-k]}.{text[-k:]}".rstrip("0").rstrip(".") if k else text
    return f"-{body}" if v < 0 else body


def show(node: Node) -> str:
    """A goal's tree as text that parses back to the same tree (every inner operation in brackets)."""
    match node:
        case Num(v):
            return f"({_number(v)})" if v < 0 else _number(v)
        case Text(v):
            return f"'{v}'"
        case Name(n):
            return n
        case Call(fn, arg):
            return f"{fn}({show(arg)})"
        case Neg(arg):
            return f"-{_inner(arg)}"
        case Not(arg):
            return f"not {_inner(arg)}"
        case Op(op, left, right):
            return f"{_inner(left)} {op} {_inner(right)}"
    raise TypeError(node)


def _inner(node: Node) -> str:
    return f"({show(node)})" if isinstance(node, Op | Not | Neg) else show(node)


def names(node: Node) -> set[str]:
    """Every name a goal uses."""
    match node:
        case Name(n):
            return {n}
        case Call(_, arg) | Neg(arg) | Not(arg):
            return names(arg)
        case Op(_, left, right):
            return names(left) | names(right)
    return set()


def kind(node: Node, known: dict[str, Kind], texts: dict[str, tuple[str, ...]] | None = None) -> Kind:
    """What a goal's part gives (a number, a text, true or false), checked against the names a step has
    and the texts each text name can be; a GoalError names the first part that does not fit."""
    texts = texts or {}
    match node:
        case Num():
            return "number"
        case Text():
            return "text"
        case Name(n):
            if n not in known:
                raise GoalError(f"there is no {n!r} here; there is {', '.join(sorted(known))}")
            return known[n]
        case Call(_, arg) | Neg(arg):
            if kind(arg, known, texts) != "number":
                what = node.fn if isinstance(node, Call) else "a minus sign"
                raise GoalError(f"{what} needs a number: {show(arg)}")
            return "number"
        case Not(arg):
            if kind(arg, known, texts) != "switch":
                raise GoalError(f"not needs a condition: {show(arg)}")
            return "switch"
        case Op(op, left, right):
            sides = kind(left, known, texts), kind(right, known, texts)
            if op in ("and", "or"):
                if sides != ("switch", "switch"):
                    raise GoalError(f"{op} joins two conditions: {show(node)}")
                return "switch"
            if op in ("+", "-", "*", "/"):
                if sides != ("number", "number"):
                    raise GoalError(f"{op} needs two numbers: {show(node)}")
                return "number"
            if sides[0] != sides[1] or (op in ORDER and sides[0] != "number"):
                raise GoalError(f"{show(node)} compares a {sides[0]} with a {sides[1]}")
            for name_, text in ((left, right), (right, left)):
                named = isinstance(name_, Name) and isinstance(text, Text) and name_.name in texts
                if named and text.value not in texts[name_.name]:
                    one_of = ", ".join(texts[name_.name])
                    raise GoalError(f"{name_.name} is never {text.value!r}; it is one of {one_of}")
            return "switch"
    raise TypeError(node)


def goal(text: str, known: dict[str, Kind], texts: dict[str, tuple[str, ...]] | None = None) -> Node:
    """A goal read and checked: a condition on names the step has (a GoalError says why it is not)."""
    node = parse(text)
    if kind(node, known, texts) != "switch":
        raise GoalError(f"{text!r} is not a condition: compare it, as in `{text} > 0`")
    return node


class Missing(LookupError):
    """A name the page does not have at the moment (alpha while the activation has no alpha)."""


Value = Fraction | str | bool


def value(node: Node, values) -> Value:
    """A goal's part worked out on the page's quantities (a Mapping of name to an exact value)."""
    match node:
        case Num(v) | Text(v):
            return v
        case Name(n):
            try:
                return values[n]
            except KeyError:
                raise Missing(n) from None
        case Call(fn, arg):
            return FUNCTIONS[fn](value(arg, values))
        case Neg(arg):
            return -value(arg, values)
        case Not(arg):
            return not value(arg, values)
        case Op("and", left, right):
            return bool(value(left, values)) and bool(value(right, values))
        case Op("or", left, right):
            return bool(value(left, values)) or bool(value(right, values))
        case Op(op, left, right):
            lv, rv = value(left, values), value(right, values)
            match op:
                case "+":
                    return lv + rv
                case "-":
                    return lv - rv
                case "*":
                    return lv * rv
                case "/":
                    if rv == 0:
                        raise Missing("a division by 0")
                    return lv / rv
                case "<":
                    return lv < rv
                case "<=":
                    return lv <= rv
                case ">":
                    return lv > rv
                case ">=":
                    return lv >= rv
                case "==":
                    return lv == rv
                case "!=":
                    return lv != rv
    raise TypeError(node)


def holds(node: Node, values) -> bool:
    """Whether a goal holds on the page's quantities: false where a name it uses is missing just now."""
    try:
        return bool(value(node, values))
    except Missing:
        return False
