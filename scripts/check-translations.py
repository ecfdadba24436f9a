#!/usr/bin/env python3
"""Checks a .ts file against the sources; exits 1 if a translation is missing or can never be shown.

A translation is looked up at run time by its context. lupdate names the context after the class or
namespace in which it finds tr(); the program asks for the context it passes to translate("X", ...),
or, for tr(), its class's: X in Q_DECLARE_TR_FUNCTIONS(X), or the qualified name of a Q_OBJECT class.
A free tr() helper that passes another context makes them disagree, and its strings stay English.
So besides untranslated messages this lists the .ts contexts no run-time code asks for, the run-time
contexts the .ts lacks, and the translated texts of the sources that lupdate left out of the .ts.

Usage: scripts/check-translations.py translations/strata_uk.ts
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

SOURCES = pathlib.Path(__file__).resolve().parent.parent
STRING = r'"(?:\\.|[^"\\\n])*"(?:\s*"(?:\\.|[^"\\\n])*")*'  # adjacent literals: "a" "b"
TOKEN = re.compile(
    r"""(?P<skip>//[^\n]*|/\*.*?\*/|R"(?P<delim>[^(\s]*)\(.*?\)(?P=delim)"|(?<![0-9A-Fa-f])'(?:\\.|[^'\\\n])*')
    |\btranslate\(\s*"(?P<translate>[^"]+)"\s*,\s*(?P<text>""" + STRING + r""")?
    |\btr\(\s*(?P<tr>""" + STRING + r""")
    |(?P<string>""" + STRING + r""")
    |\bnamespace\s+(?P<namespace>[\w:]+)?\s*\{
    |(?<!enum\s)\b(?:class|struct)\s+(?P<class>\w+)[^;{}()<=]*(?:<[^;{}()]*>[^;{}()=]*)?\{
    |(?P<open>\{)|(?P<close>\})
    |(?P<qobject>\bQ_OBJECT\b)
    |\bQ_DECLARE_TR_FUNCTIONS\(\s*(?P<declared>[\w:]+)\s*\)""",
    re.DOTALL | re.VERBOSE,
)


def literal(pieces):
    """The text of adjacent C++ string literals, escapes read."""
    text = "".join(re.findall(r'"((?:\\.|[^"\\\n])*)"', pieces))
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def scan(path):
    """What a source file asks for at run time: {context: a sample text, or None for a Q_OBJECT class},
    and the literal texts it translates, as (context, or None for tr(), text)."""
    scopes, contexts, texts = [], {}, []
    for match in TOKEN.finditer(path.read_text(encoding="utf-8")):
        kind = match.lastgroup
        if kind in ("namespace", "class"):
            scopes.append(match.group(kind))
        elif kind is None or kind == "open":  # an anonymous namespace, a block
            scopes.append(None)
        elif kind == "close" and scopes:
            scopes.pop()
        elif kind == "qobject":
            contexts.setdefault("::".join(name for name in scopes if name), None)
        elif kind == "declared":
            contexts[match.group(kind)] = ""
        elif kind in ("translate", "text"):
            context, text = match.group("translate"), match.group("text")
            contexts[context] = contexts.get(context) or (text and literal(text)) or ""
            if text:
                texts.append((context, literal(text)))
        elif kind == "tr":
            texts.append((None, literal(match.group(kind))))
    # translate("X", text) in a helper, and Q_DECLARE_TR_FUNCTIONS(X), take the file's first tr() text.
    first_tr = next((text for context, text in texts if context is None), "?")
    return {name: sample if sample is None else sample or first_tr for name, sample in contexts.items()}, texts


problems = []
ts_contexts, ts_texts = {}, set()
for context in ET.parse(sys.argv[1]).getroot().iter("context"):
    name, messages = context.findtext("name"), list(context.iter("message"))
    ts_contexts[name] = messages[0].findtext("source") if messages else ""
    for message in messages:
        source = message.findtext("source")
        ts_texts |= {(name, source), (None, source)}
        translation = message.find("translation")
        forms = [translation.text] + [form.text for form in translation.findall("numerusform")]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not any(forms):
            problems.append(f"untranslated: {source}")

used, texts = {}, []
for folder in ("model", "views", "app"):
    for path in sorted((SOURCES / folder).rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        contexts, found = scan(path)
        texts += [(path.relative_to(SOURCES), context, text) for context, text in found]
        for name, sample in contexts.items():
            if used.get(name, (None, None))[1] is None:
                used[name] = (path.relative_to(SOURCES), sample)

for name, sample in ts_contexts.items():
    if name not in used:
        problems.append(f"context {name} is in the .ts but no code asks for it at run time, e.g. {sample}")
for name, (path, sample) in used.items():
    if name not in ts_contexts and sample is not None:
        problems.append(f"context {name} is asked for in {path} but the .ts lacks it, e.g. {sample}")
for path, context, text in texts:
    if (context, text) not in ts_texts:  # lupdate said "tr() cannot be called without context"
        problems.append(f"{path} translates a text the .ts lacks: {text}")
for problem in problems:
    print(problem.replace("\n", "\\n")[:160])
sys.exit(1 if problems else 0)
