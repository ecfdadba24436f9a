#!/usr/bin/env python3
"""Lists the messages of a .ts file that have no finished translation; exits 1 if there are any.

Usage: scripts/check-translations.py translations/strata_uk.ts
"""
import sys
import xml.etree.ElementTree as ET

missing = []
for message in ET.parse(sys.argv[1]).getroot().iter("message"):
    translation = message.find("translation")
    texts = [translation.text] + [form.text for form in translation.findall("numerusform")]
    if translation.get("type") in ("unfinished", "vanished", "obsolete") or not any(texts):
        missing.append(message.findtext("source"))
for source in missing:
    print("untranslated:", source.replace("\n", "\\n")[:100])
sys.exit(1 if missing else 0)
