"""Tide stations and their offsets from the reference port, in minutes."""

import unicodedata

STATIONS = {
    "brest": ("Brest", 0),
    "saint-malo": ("Saint-Malo", 35),
    "le-havre": ("Le Havre", 150),
    "saint-nazaire": ("Saint-Nazaire", -10),
    "nagasaki": ("長崎", 0),
}

DEFAULT = "brest"


def lookup(name):
    key = fold(name)
    return STATIONS[key]


def fold(name):
    """Lower case without accents, so that « Saint-Nazaïre » finds saint-nazaire."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
